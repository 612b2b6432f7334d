import { useEffect, type RefObject } from "react";

// A submit button that shows a spinner is disabled meanwhile, and a disabled or removed element drops
// the keyboard focus to <body>. These put it back once React has rendered the outcome, which is why
// they take refs: the element to focus may not exist yet when they are called (an error summary).

type ElementRef = RefObject<HTMLElement | null>;

/** After a failed submit: the first field that needs fixing. */
export function focusFirstInvalid(form: RefObject<HTMLFormElement | null> | HTMLFormElement | null) {
  const el = form instanceof HTMLFormElement ? form : (form?.current ?? null);
  requestAnimationFrame(() => el?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** Forms that keep their errors in state: whenever a submit is refused, focus the first field to fix. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, errors: object) {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, errors]);
}

/** After a finished action: the element, but only if the focus was lost on the way (never steal it from elsewhere). */
export function refocusIfLost(ref: ElementRef) {
  requestAnimationFrame(() => {
    if (!document.activeElement || document.activeElement === document.body) ref.current?.focus();
  });
}

/** When the control that had focus goes away (a reset button, "Discard"), or to an error summary. */
export function moveFocus(ref: ElementRef) {
  requestAnimationFrame(() => ref.current?.focus());
}
