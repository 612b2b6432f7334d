import type { z } from "zod";
import { ApiProblem } from "@/lib/api-client";

/** Zod issues keyed by path ("amount", "0.amount"), first message per path, the way <Field error> takes them. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.map(String).join(".") || "form"] ??= issue.message;
  return out;
}

/** A failed request as form errors: the server's field errors, else its message under "form". */
export function requestErrors(err: unknown, fallback: string): Record<string, string> {
  if (err instanceof ApiProblem) {
    const fields = err.fieldErrors();
    return Object.keys(fields).length > 0 ? fields : { form: err.message };
  }
  return { form: fallback };
}
