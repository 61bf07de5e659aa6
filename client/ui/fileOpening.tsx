/**
 * Opening a JSON file the player picks or drops (a replay, a scenario): the hidden file field a
 * button clicks, and the frame over the page while a file is dragged over it (see useFileDrop).
 */
import type { Ref } from 'preact';
import { Icon } from './Icon';
import './fileOpening.css';

/** A hidden `.json` file field; `onFile` gets the picked file, and the field is cleared so the same file can be picked again (after fixing it). */
export function JsonFileField({ inputRef, onFile, data }: { inputRef: Ref<HTMLInputElement>; onFile: (file: File) => void; data: string }) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept=".json,application/json"
      class="su-visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      {...{ [`data-${data}`]: true }}
      onChange={(event) => {
        const field = event.currentTarget as HTMLInputElement;
        const file = field.files?.[0];
        field.value = '';
        if (file !== undefined) onFile(file);
      }}
    />
  );
}

/** The frame over the page while a file is dragged over it, saying what dropping it does. */
export function FileDropFrame({ text }: { text: string }) {
  return (
    <div class="su-file-drop" aria-hidden="true">
      <span class="su-file-drop-text">
        <Icon name="chevronDown" size={28} />
        {text}
      </span>
    </div>
  );
}
