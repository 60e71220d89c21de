"use client";
// A modal question before something that cannot be undone. Native <dialog>: focus stays inside,
// Escape cancels, and focus goes back to the control that opened it.
import { type ReactNode, useEffect, useId, useRef } from "react";

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      opener.current?.focus();
    }
  }, [open]);

  return (
    // the settings dialog's classes (consent.css): one look for every dialog on the page
    <dialog
      ref={ref}
      className="cc-dialog ins-confirm"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <div className="cc-dialog-body">
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId} className="ins-confirm-body">
          {children}
        </div>
        <div className="cc-actions cc-dialog-actions">
          {/* the safe choice gets focus first */}
          <button type="button" className="cc-btn cc-btn-quiet" onClick={onCancel} autoFocus>
            {cancelLabel}
          </button>
          <button type="button" className="cc-btn" data-tone="danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
