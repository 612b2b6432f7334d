"use client";

import { useActionState, type RefObject } from "react";
import type { z } from "zod";
import type { FormResult } from "@/lib/account-security";
import { zodErrors } from "@/lib/form-errors";
import { focusFirstInvalid } from "@/components/ui/focus";

type ServerAction = (prev: FormResult | null, form: FormData) => Promise<FormResult>;

/**
 * One Account form: the fields checked in the browser with the server's own zod schema (nothing is sent
 * while one is wrong), then the server action; while it runs the submit button is disabled, so a double
 * click sends once. `onDone` runs after a success; `formRef` is the form, whose first wrong field gets the focus.
 */
export function useAccountForm(
  formRef: RefObject<HTMLFormElement | null>,
  schema: z.ZodType,
  values: Record<string, string>,
  action: ServerAction,
  onDone: (message?: string) => void,
) {
  const [state, formAction, pending] = useActionState<FormResult | null, FormData>(async (prev, form) => {
    const parsed = schema.safeParse(values);
    let result: FormResult;
    if (!parsed.success) {
      result = { ok: false, fieldErrors: zodErrors(parsed.error) };
    } else {
      try {
        result = await action(prev, form);
      } catch {
        result = { ok: false, fieldErrors: {}, formError: "Could not reach the server. Check your connection and try again." };
      }
    }
    if (result.ok) onDone(result.message);
    else focusFirstInvalid(formRef);
    return result;
  }, null);
  const errors: Partial<Record<string, string>> = state && !state.ok ? state.fieldErrors : {};
  const formError = state && !state.ok ? state.formError : undefined;
  return { formAction, pending, errors, formError, succeeded: state?.ok === true };
}
