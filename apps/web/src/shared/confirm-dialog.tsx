import { useEffect, useId, useRef } from 'react';

/**
 * A modal question with two answers, on the browser's own `<dialog>`: focus goes to its first button
 * (the safe answer), stays inside, closes on Escape (as "keep"), and goes back to what opened it.
 * `danger` marks the answer that cannot be undone (ending a webinar, removing someone).
 */
export function ConfirmDialog({
  open,
  title,
  text,
  confirm,
  keep,
  danger = false,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  text: string;
  confirm: string;
  keep: string;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onClose={onClose}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={textId}>{text}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {keep}
        </button>
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button'}
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
