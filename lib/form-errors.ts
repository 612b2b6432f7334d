import type { z } from "zod";
import { ApiProblem } from "@/lib/api-client";

// Every form keys its errors by the wire path ("amount", "essentialMonthlyExpenses",
// "stream-concentration.warn"), whether zod found them in the browser or the server sent them in a 422.

/** Some shared messages come from lib/metrics in lower case ("amount must be a decimal…"): show them as sentences. */
export function asSentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export type FormErrors = Record<string, string>;

/** Zod issues by path, first message per path; an issue about the whole object goes under `rootKey`. */
export function zodErrors(error: z.ZodError, rootKey = "form"): FormErrors {
  const out: FormErrors = {};
  for (const issue of error.issues) out[issue.path.map(String).join(".") || rootKey] ??= asSentence(issue.message);
  return out;
}

/** A failed request as form errors: the server's field errors (prefix dropped), else its message under `form`. */
export function requestErrors(err: unknown, fallback: string, prefix = ""): FormErrors {
  if (!(err instanceof ApiProblem)) return { form: fallback };
  const out: FormErrors = {};
  for (const e of err.errors) {
    const path = prefix && e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path;
    out[path || "form"] ??= asSentence(e.message);
  }
  return Object.keys(out).length > 0 ? out : { form: err.message };
}
