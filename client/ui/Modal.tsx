/**
 * A modal dialog's shell: a backdrop that closes it when clicked, Escape to close, Tab kept inside,
 * focus given to its heading on open and back to where it was on close.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** Tab and Shift+Tab cycle through the dialog's buttons instead of wandering into the page behind. */
function keepFocusInside(event: KeyboardEvent, container: HTMLElement): void {
  const focusable = [...container.querySelectorAll<HTMLElement>('button, [href], [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !el.hasAttribute('disabled'),
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (first === undefined || last === undefined) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** Gives focus back to the element that had it before the dialog opened, when it closes. */
function useReturnFocus(): void {
  const returnTo = useRef<Element | null>(null);
  useEffect(() => {
    returnTo.current = document.activeElement;
    return () => {
      const back = returnTo.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);
}

export function Modal({
  labelledBy,
  onClose,
  class: className,
  children,
}: {
  labelledBy: string;
  onClose: () => void;
  class?: string;
  children: ComponentChildren;
}) {
  useReturnFocus();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector<HTMLElement>('h2')?.focus(), []);
  return (
    <div
      class="su-modal-backdrop"
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        } else if (e.key === 'Tab') {
          keepFocusInside(e, e.currentTarget as HTMLElement);
        }
      }}
    >
      <div
        ref={box}
        class={`su-modal${className === undefined ? '' : ` ${className}`}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
      >
        {children}
      </div>
    </div>
  );
}
