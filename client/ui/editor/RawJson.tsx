/**
 * The document as its file will read, for anything the form does not reach: edited as text and
 * applied in one go (a half-typed document is not JSON), then checked like any other change.
 */
import { useState } from 'preact/hooks';
import { useT } from '../hooks';
import { canonicalText, readDocument, type ReadFailure } from './document';
import { SectionHead, useEditor } from './fields';

export function RawJson() {
  const { t } = useT();
  const { doc, edit } = useEditor();
  const current = canonicalText(doc);
  const [text, setText] = useState<string | null>(null);
  const [failure, setFailure] = useState<ReadFailure | null>(null);
  const shown = text ?? current;
  const apply = () => {
    const read = readDocument(shown);
    if (!read.ok) {
      setFailure(read.reason);
      return;
    }
    setFailure(null);
    setText(null);
    edit(() => read.doc);
  };
  return (
    <section class="su-ed-section su-ed-json">
      <SectionHead title={t('ui.editor.tab.json')} help={t('ui.editor.help.json')}>
        <div class="su-ed-actions">
          <button
            type="button"
            class="su-btn su-btn-small su-btn-quiet"
            disabled={text === null}
            onClick={() => (setText(null), setFailure(null))}
          >
            {t('ui.editor.discardText')}
          </button>
          <button
            type="button"
            class="su-btn su-btn-small su-btn-primary"
            disabled={text === null || text === current}
            data-action="apply-json"
            onClick={apply}
          >
            {t('ui.editor.applyText')}
          </button>
        </div>
      </SectionHead>
      {failure !== null && (
        <p class="su-ed-refused" role="alert">
          {t(`ui.editor.file.${failure}`)}
        </p>
      )}
      <textarea
        class="su-ed-source"
        spellcheck={false}
        value={shown}
        aria-label={t('ui.editor.tab.json')}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </section>
  );
}
