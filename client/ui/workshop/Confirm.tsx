/** A small yes/no dialog for what cannot be undone (ending the game, removing a participant, shuffling teams). */
import type { ComponentChildren } from 'preact';
import { useT } from '../hooks';
import { Modal } from '../Modal';

export function Confirm({
  title,
  confirm,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  confirm: string;
  onConfirm: () => void;
  onClose: () => void;
  children?: ComponentChildren;
}) {
  const { t } = useT();
  return (
    <Modal labelledBy="su-ws-confirm-title" onClose={onClose} class="su-ws-confirm">
      <h2 id="su-ws-confirm-title" tabIndex={-1}>
        {title}
      </h2>
      {children}
      <div class="su-ws-actions">
        <span class="su-spacer" />
        <button type="button" class="su-btn" onClick={onClose}>
          {t('ui.workshop.cancel')}
        </button>
        <button
          type="button"
          class="su-btn su-btn-danger"
          data-action="confirm"
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          {confirm}
        </button>
      </div>
    </Modal>
  );
}
