/**
 * The editor's inputs, each bound to a place in the document: it shows the value there and writes
 * what the author types back to it at once, so the check and the preview follow every keystroke.
 * A number field keeps what is typed while it has focus (a half-typed "0." is not a number yet);
 * text that is not a number is written as text, for the check to name. An optional field left
 * empty is taken out of the document. Each input carries its place (`data-path`), which the error
 * list uses to take the author to it, and is marked invalid while an issue names it.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { useT } from '../hooks';
import { getIn, removeIn, setIn, type JsonObject, type Path } from './document';

interface EditorContextValue {
  doc: JsonObject;
  edit: (change: (doc: JsonObject) => JsonObject) => void;
  /** Dotted places that an issue names. */
  invalid: ReadonlySet<string>;
}

export const EditorContext = createContext<EditorContextValue>({ doc: {}, edit: () => undefined, invalid: new Set() });

export function useEditor(): EditorContextValue {
  return useContext(EditorContext);
}

function dotted(path: Path): string {
  return path.join('.');
}

/** A number as the form shows it: a share as a percentage, ticks as hours or days, without float noise. */
function shown(value: number, scale: number): string {
  return String(Number((value / scale).toPrecision(12)));
}

/** What a typed number means: blank, a number (spaces and thousands separators forgiven), or text. */
function typed(text: string): { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'text' } {
  const trimmed = text.trim().replace(/[\s,_]/g, '');
  if (trimmed === '') return { kind: 'blank' };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'text' };
}

interface NumberFieldProps {
  path: Path;
  /** The label, for screen readers when the field sits in a table. */
  label: string;
  /** The document keeps value × scale (0.99 shown as 99 %: scale 0.01; ticks shown as hours: scale 60). */
  scale?: number;
  /** Absent from the document when left empty. */
  optional?: boolean;
  placeholder?: string;
  unit?: string;
  /** Round what is written to whole numbers (ticks). */
  whole?: boolean;
}

export function NumberField({ path, label, scale = 1, optional = false, placeholder, unit, whole = false }: NumberFieldProps) {
  const { doc, edit, invalid } = useEditor();
  const [draftText, setDraftText] = useState<string | null>(null);
  const value = getIn(doc, path);
  const display = typeof value === 'number' ? shown(value, scale) : value === undefined || value === null ? '' : String(value);
  const write = (text: string) => {
    const meaning = typed(text);
    edit((d) => {
      if (meaning.kind === 'blank') return optional ? removeIn(d, path) : setIn(d, path, null);
      if (meaning.kind === 'text') return setIn(d, path, text.trim());
      const stored = Number((meaning.value * scale).toPrecision(12));
      return setIn(d, path, whole ? Math.round(stored) : stored);
    });
  };
  const input = (
    <input
      type="text"
      inputMode="decimal"
      class="su-ed-number"
      value={draftText ?? display}
      placeholder={placeholder}
      aria-label={label}
      aria-invalid={invalid.has(dotted(path))}
      data-path={dotted(path)}
      onFocus={() => setDraftText(display)}
      onBlur={() => setDraftText(null)}
      onInput={(e) => {
        const text = (e.currentTarget as HTMLInputElement).value;
        setDraftText(text);
        write(text);
      }}
    />
  );
  return unit === undefined ? (
    input
  ) : (
    <span class="su-ed-unit">
      {input}
      <span class="su-muted">{unit}</span>
    </span>
  );
}

interface TextFieldProps {
  path: Path;
  label: string;
  multiline?: boolean;
  optional?: boolean;
  placeholder?: string;
  /** A datalist's id: suggestions while typing. */
  list?: string;
}

export function TextField({ path, label, multiline = false, optional = false, placeholder, list }: TextFieldProps) {
  const { doc, edit, invalid } = useEditor();
  const value = getIn(doc, path);
  const props = {
    placeholder,
    value: typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value),
    'aria-label': label,
    'aria-invalid': invalid.has(dotted(path)),
    'data-path': dotted(path),
    onInput: (e: Event) => {
      const text = (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
      edit((d) => (optional && text === '' ? removeIn(d, path) : setIn(d, path, text)));
    },
  };
  return multiline ? <textarea class="su-ed-text" rows={3} {...props} /> : <input type="text" class="su-ed-text" list={list} {...props} />;
}

/** An English and a Korean text side by side (every player-facing text exists in both). */
export function LocalTextPair({ path, label, multiline = false }: { path: Path; label: string; multiline?: boolean }) {
  const { t } = useT();
  return (
    <div class="su-ed-pair">
      {(['en', 'ko'] as const).map((lang) => (
        <label key={lang} class="su-field" lang={lang}>
          <span class="su-field-label">{t('ui.editor.inLanguage', { field: label, language: t(`ui.editor.lang.${lang}`) })}</span>
          <TextField
            path={[...path, lang]}
            label={t('ui.editor.inLanguage', { field: label, language: t(`ui.editor.lang.${lang}`) })}
            multiline={multiline}
          />
        </label>
      ))}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A choice among fixed values; a value the list does not have (from a file) stays shown as it is. */
export function SelectField({
  path,
  label,
  choices,
  optional = false,
  none,
  numeric = false,
}: {
  path: Path;
  label: string;
  choices: readonly Choice[];
  optional?: boolean;
  none?: string;
  /** The values are numbers in the document (a speed), not names. */
  numeric?: boolean;
}) {
  const { doc, edit, invalid } = useEditor();
  const value = getIn(doc, path);
  const current = value === undefined || value === null ? '' : String(value);
  const listed = choices.some((c) => c.value === current) || (optional && current === '');
  return (
    <select
      value={current}
      aria-label={label}
      aria-invalid={invalid.has(dotted(path))}
      data-path={dotted(path)}
      onChange={(e) => {
        const next = (e.currentTarget as HTMLSelectElement).value;
        edit((d) => (next === '' && optional ? removeIn(d, path) : setIn(d, path, numeric && next !== '' ? Number(next) : next)));
      }}
    >
      {optional && <option value="">{none ?? ''}</option>}
      {!listed && <option value={current}>{current}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** A yes/no setting; turning an absent one off leaves it absent. */
export function CheckField({ path, label }: { path: Path; label: string }) {
  const { doc, edit, invalid } = useEditor();
  const value = getIn(doc, path);
  return (
    <input
      type="checkbox"
      checked={value === true}
      aria-label={label}
      aria-invalid={invalid.has(dotted(path))}
      data-path={dotted(path)}
      onChange={(e) => {
        const on = (e.currentTarget as HTMLInputElement).checked;
        edit((d) => (on || value !== undefined ? setIn(d, path, on) : d));
      }}
    />
  );
}

/** A labelled field in a form's grid: the label above, the input, and a line of help. */
export function Field({ label, help, children }: { label: string; help?: string; children: ComponentChildren }) {
  return (
    <label class="su-field su-ed-field">
      <span class="su-field-label">{label}</span>
      {children}
      {help !== undefined && <span class="su-help">{help}</span>}
    </label>
  );
}

/** A section's heading with its actions on the right. */
export function SectionHead({ title, help, children }: { title: string; help?: string; children?: ComponentChildren }) {
  return (
    <div class="su-ed-head">
      <div>
        <h2>{title}</h2>
        {help !== undefined && <p class="su-help">{help}</p>}
      </div>
      {children}
    </div>
  );
}
