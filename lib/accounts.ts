import { createUser } from "@/lib/data/users";
import { ApiError } from "@/lib/http-errors";
import { hashPassword } from "@/lib/passwords";
import { timeZone } from "@/lib/schemas/common";
import { signUpInput } from "@/lib/schemas/users";

export type SignUpResult =
  | { ok: true; user: { id: string; email: string } }
  | { ok: false; fieldErrors: Partial<Record<"name" | "email" | "password", string>>; formError?: string };

/** The browser's zone when it sent a valid one; UTC otherwise (it can be changed in Settings). */
function validTimeZone(tz: unknown): string {
  const parsed = timeZone.safeParse(tz);
  return parsed.success ? parsed.data : "UTC";
}

/** Sign-up for the form and the tests: validate, hash with argon2id, refuse a taken email. */
export async function signUp(raw: { name?: unknown; email?: unknown; password?: unknown; timeZone?: unknown }): Promise<SignUpResult> {
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  try {
    const user = await createUser({
      name: parsed.data.name,
      email: parsed.data.email,
      passwordHash: await hashPassword(parsed.data.password),
      timeZone: validTimeZone(raw.timeZone),
    });
    return { ok: true, user: { id: user.id, email: user.email } };
  } catch (err) {
    if (err instanceof ApiError && err.status === 409)
      return { ok: false, fieldErrors: { email: "An account with this email already exists." } };
    throw err;
  }
}
