/**
 * Where a scenario starts from: a shipped one (a free-play preset or a campaign chapter's), one
 * this browser saved on the server, or a file (picked, or dropped anywhere on the editor). Loading
 * replaces the document; with changes not yet saved anywhere, the button asks once more first.
 */
import { useRef, useState } from 'preact/hooks';
import { fetchSavedScenario, type SavedScenarioSummary } from '../../net/scenarioApi';
import { useT } from '../hooks';
import { useFileDrop } from '../useFileDrop';
import { FileDropFrame, JsonFileField } from '../fileOpening';
import { canonicalText, isObject, readDocument, type JsonObject, type ReadFailure } from './document';
import { freshDraft, type Draft } from './editorState';
import { ownCopy, SHIPPED, shippedDocument } from './shipped';

/** Larger than any scenario a person writes; a bigger file is not one. */
const MAX_FILE_BYTES = 1_000_000;

type OpenFailure = ReadFailure | 'tooLarge' | 'unreadable' | 'notFound';

async function readFile(file: File): Promise<{ ok: true; doc: JsonObject } | { ok: false; reason: OpenFailure }> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, reason: 'tooLarge' };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  return readDocument(text);
}

export function SourcePicker({
  draft,
  changed,
  saved,
  onLoad,
}: {
  draft: Draft;
  /** Whether the document has changes not saved anywhere (loading another would lose them). */
  changed: boolean;
  saved: readonly SavedScenarioSummary[] | null;
  onLoad: (next: Draft) => void;
}) {
  const { t, lang } = useT();
  const [choice, setChoice] = useState(draft.source.kind === 'file' ? 'sandbox' : draft.source.id);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<OpenFailure | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const openFile = async (file: File) => {
    const read = await readFile(file);
    if (!read.ok) {
      setFailure(read.reason);
      return;
    }
    setFailure(null);
    onLoad(freshDraft(read.doc, { kind: 'file', name: file.name }));
  };

  const load = async () => {
    if (changed && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    const shipped = shippedDocument(choice);
    if (shipped !== null) {
      setFailure(null);
      onLoad(freshDraft(ownCopy(shipped), { kind: 'shipped', id: choice }));
      return;
    }
    const found = await fetchSavedScenario(location.origin, choice);
    if (found === null || !isObject(found.scenario)) {
      setFailure('notFound');
      return;
    }
    setFailure(null);
    onLoad(freshDraft(found.scenario, { kind: 'saved', id: choice }, { id: choice, text: canonicalText(found.scenario) }));
  };

  // A scenario file dropped anywhere on the editor opens in it.
  const dragging = useFileDrop(true, (file) => void openFile(file));

  const shippedName = (doc: JsonObject) => {
    const name = isObject(doc.name) ? doc.name[lang] : undefined;
    return typeof name === 'string' ? name : String(doc.id);
  };
  return (
    <div class="su-ed-source-picker">
      <label class="su-field su-inline">
        <span class="su-field-label">{t('ui.editor.startFrom')}</span>
        <select
          value={choice}
          data-field="source"
          onChange={(e) => (setChoice((e.currentTarget as HTMLSelectElement).value), setConfirming(false))}
        >
          <optgroup label={t('ui.workshop.setup.presets')}>
            {SHIPPED.filter((s) => s.chapter === null).map((s) => (
              <option key={s.id} value={s.id}>
                {shippedName(s.doc)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('ui.workshop.setup.chapters')}>
            {SHIPPED.filter((s) => s.chapter !== null).map((s) => (
              <option key={s.id} value={s.id}>
                {shippedName(s.doc)}
              </option>
            ))}
          </optgroup>
          {saved !== null && saved.length > 0 && (
            <optgroup label={t('ui.editor.mySaved')}>
              {saved.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('ui.editor.savedOption', { name: s.name[lang] ?? s.id, id: s.id })}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <button type="button" class={`su-btn${confirming ? ' su-btn-danger' : ''}`} data-action="load" onClick={() => void load()}>
        {confirming ? t('ui.editor.loadDiscard') : t('ui.editor.load')}
      </button>
      <button type="button" class="su-btn" data-action="open-file" onClick={() => input.current?.click()}>
        {t('ui.editor.openFile')}
      </button>
      <JsonFileField inputRef={input} data="scenario-file" onFile={(file) => void openFile(file)} />
      {failure !== null && (
        <p class="su-ed-refused" role="alert" data-file-error={failure}>
          {t(`ui.editor.file.${failure}`)}
        </p>
      )}
      {dragging && <FileDropFrame text={t('ui.editor.dropHere')} />}
    </div>
  );
}
