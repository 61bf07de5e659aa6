/**
 * Form rows of the inspector: a label, the control, one line of help saying why the setting
 * matters, and the "?" to the concept behind it. Toggles are switches (role="switch") so they read
 * as on/off to screen readers and to Playwright.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { ConceptLink } from '../common';
import { SETTING_CONCEPT } from '../conceptLinks';
import { useT } from '../hooks';
import { Icon } from '../Icon';

/** `setting` is a key of `settings` in the locales (label + help). */
/** `wide` puts the control on its own line under the label (selects with long option texts). */
export function SettingRow({
  setting,
  children,
  control,
  wide = false,
}: {
  setting: string;
  children?: ComponentChildren;
  control: (id: string) => ComponentChildren;
  wide?: boolean;
}) {
  const { t } = useT();
  const id = useId();
  const label = t(`settings.${setting}.label`);
  const concept = SETTING_CONCEPT[setting];
  return (
    <div class="su-setting" data-setting={setting}>
      <div class="su-setting-line">
        <label class="su-setting-label" for={id}>
          {label}
        </label>
        {concept !== undefined && <ConceptLink concept={concept} about={label} />}
        {!wide && <div class="su-setting-control">{control(id)}</div>}
      </div>
      {wide && <div class="su-setting-wide">{control(id)}</div>}
      <p class="su-help">{t(`settings.${setting}.help`)}</p>
      {children}
    </div>
  );
}

export function Toggle({
  setting,
  checked,
  onChange,
  disabled = false,
}: {
  setting: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <SettingRow
      setting={setting}
      control={(id) => (
        <input
          id={id}
          type="checkbox"
          role="switch"
          class="su-switch"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
      )}
    />
  );
}

export function Choice<T extends string | number>({
  setting,
  value,
  options,
  onChange,
  disabled = false,
}: {
  setting: string;
  value: T | '';
  options: Array<{ value: T; label: string; disabled?: boolean }>;
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  return (
    <SettingRow
      setting={setting}
      wide
      control={(id) => (
        <select
          id={id}
          value={String(value)}
          disabled={disabled}
          onChange={(e) => {
            const raw = (e.currentTarget as HTMLSelectElement).value;
            const picked = options.find((o) => String(o.value) === raw);
            if (picked !== undefined) onChange(picked.value);
          }}
        >
          {value === '' && <option value="">—</option>}
          {options.map((o) => (
            <option key={String(o.value)} value={String(o.value)} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** − n + for an instance count; each press sends one command. */
/** `note` is a line under the help (a price), drawn as a warning when `warn` is set. */
export function Stepper({
  setting,
  value,
  min,
  max,
  onChange,
  note,
  warn = false,
}: {
  setting: string;
  value: number;
  min: number;
  max: number;
  onChange: (n: number) => void;
  note?: string | undefined;
  warn?: boolean;
}) {
  const { t } = useT();
  const label = t(`settings.${setting}.label`);
  return (
    <SettingRow
      setting={setting}
      control={(id) => (
        <div class="su-stepper" role="group" aria-label={label}>
          <button
            type="button"
            class="su-btn su-btn-icon"
            aria-label={t('ui.inspector.fewer', { what: label })}
            disabled={value <= min}
            onClick={() => onChange(value - 1)}
          >
            <Icon name="minus" />
          </button>
          <output id={id} class="su-stepper-value" aria-live="polite">
            {value}
          </output>
          <button
            type="button"
            class="su-btn su-btn-icon"
            aria-label={t('ui.inspector.more', { what: label })}
            disabled={value >= max}
            onClick={() => onChange(value + 1)}
          >
            <Icon name="plus" />
          </button>
        </div>
      )}
    >
      {note !== undefined && <p class={warn ? 'su-help su-note' : 'su-help'}>{note}</p>}
    </SettingRow>
  );
}
