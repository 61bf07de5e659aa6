/**
 * The field a join code is typed into (the start screen, the match setup, a workshop's join page):
 * capitals, no autocorrect or autofill, whatever case or dashes the person types (normalised later).
 */
import type { ComponentChildren } from 'preact';

export function CodeField({
  label,
  value,
  onInput,
  placeholder,
  invalid = false,
  inputClass,
  children,
}: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  invalid?: boolean;
  inputClass?: string;
  /** Below the input: a note on what was typed. */
  children?: ComponentChildren;
}) {
  return (
    <label class="su-field">
      <span class="su-field-label">{label}</span>
      <input
        type="text"
        name="code"
        class={inputClass}
        autoComplete="off"
        autoCapitalize="characters"
        spellcheck={false}
        placeholder={placeholder}
        value={value}
        aria-invalid={invalid}
        data-field="code"
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {children}
    </label>
  );
}
