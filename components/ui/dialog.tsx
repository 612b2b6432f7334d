"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

export type DialogProps = {
  open: boolean;
  /** Called when the user dismisses the dialog (Escape, the close button, a click on the backdrop). Set `open` to false here. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action buttons, right-aligned (stacked on phones). A submit button here needs `form="<your form id>"`. */
  footer?: ReactNode;
  size?: keyof typeof widths;
  className?: string;
};

/**
 * A modal built on the native <dialog>: showModal() gives the focus trap, the inert page behind, the
 * top layer and Escape for free. Focus goes to the first element with `data-autofocus`, else the
 * browser's first focusable element, and returns to the opener on close. The content mounts only while
 * open, so a form inside starts fresh each time.
 */
export function Dialog({ open, onClose, title, description, children, footer, size = "md", className }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const pressStartedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  function handleNativeClose() {
    // Browsers restore focus inconsistently (and not at all when the opener was re-rendered), so do it here.
    const opener = openerRef.current;
    openerRef.current = null;
    if (opener?.isConnected) opener.focus();
    // A close we caused by setting open=false has already been handled by the parent.
    if (open) onClose();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={handleNativeClose}
      // Only a press that starts and ends on the backdrop closes, so selecting text in a field and
      // releasing outside the panel doesn't throw the user's input away.
      onPointerDown={(event) => {
        pressStartedOnBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        if (pressStartedOnBackdrop.current && event.target === event.currentTarget) onClose();
        pressStartedOnBackdrop.current = false;
      }}
      className={cx(
        "w-[calc(100%-2rem)] max-h-[calc(100dvh-2rem)] overflow-y-auto rounded-xl border border-border bg-surface p-0 text-foreground shadow-xl",
        widths[size],
        className,
      )}
    >
      {open ? (
        <div className="relative flex flex-col gap-4 p-5 sm:p-6">
          <div className="flex flex-col gap-1 pr-8">
            <h2 id={titleId} className="text-lg font-semibold text-foreground">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="text-sm text-muted-foreground">
                {description}
              </p>
            ) : null}
          </div>
          {children}
          {footer ? <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">{footer}</div> : null}
          {/* Last in the DOM so the browser's default initial focus lands on the content, not on Close. */}
          <Button variant="ghost" size="icon" aria-label="Close" onClick={onClose} className="absolute top-3 right-3 size-9">
            <svg
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              aria-hidden="true"
              className="size-4"
            >
              <path d="M18 6 6 18M6 6l12 12" />
            </svg>
          </Button>
        </div>
      ) : null}
    </dialog>
  );
}

export type ConfirmDialogProps = {
  open: boolean;
  onClose: () => void;
  /** Runs the action. The dialog does not close itself: close it on success (e.g. in a mutation's onSuccess), keep it open on failure. */
  onConfirm: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** Extra content between the description and the buttons, e.g. what else will be removed. */
  children?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  tone?: "danger" | "primary";
  /** While true the confirm button shows a spinner and is disabled. */
  pending?: boolean;
};

/** "Are you sure?" with a danger-styled confirm. Focus starts on Cancel so a stray Enter destroys nothing. */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  description,
  children,
  confirmLabel = "Delete",
  cancelLabel = "Cancel",
  tone = "danger",
  pending = false,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      size="sm"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} data-autofocus>
            {cancelLabel}
          </Button>
          <Button variant={tone} onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
