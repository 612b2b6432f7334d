import { audit, logLine } from "@/lib/audit";
import { createUser } from "@/lib/data/users";
import { emailConfigured, sendMail } from "@/lib/email";
import { ApiError } from "@/lib/http-errors";
import { hashPassword } from "@/lib/passwords";
import { timeZone } from "@/lib/schemas/common";
import { signUpInput } from "@/lib/schemas/users";

/**
 * A sign-up's answer. It is the same whether the address was new or already had an account, so the form
 * cannot be used to learn who has one; the browser then tries to sign in with what was typed.
 */
export type SignUpResult =
  { ok: true } | { ok: false; fieldErrors: Partial<Record<"name" | "email" | "password", string>>; formError?: string };

/** The browser's zone when it sent a valid one; UTC otherwise (it can be changed in Settings). */
function validTimeZone(tz: unknown): string {
  const parsed = timeZone.safeParse(tz);
  return parsed.success ? parsed.data : "UTC";
}

/**
 * Sign-up for the form and the tests: validate, hash with argon2id (always, so both cases take as long),
 * create the account, or, when the address is taken, tell its owner by mail (when mail is set up) and
 * answer exactly as for a new account.
 */
export async function signUp(
  raw: { name?: unknown; email?: unknown; password?: unknown; timeZone?: unknown },
  client: { ip?: string | null; userAgent?: string | null } = {},
): Promise<SignUpResult> {
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const passwordHash = await hashPassword(parsed.data.password);
  try {
    const user = await createUser({
      name: parsed.data.name,
      email: parsed.data.email,
      passwordHash,
      timeZone: validTimeZone(raw.timeZone),
    });
    await audit({ kind: "sign-up", userId: user.id, ip: client.ip, userAgent: client.userAgent });
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 409)) throw err;
    // Not awaited: the answer must not wait on a mail server (its timing would tell the case apart).
    void tellOwner(parsed.data.email);
  }
  return { ok: true };
}

async function tellOwner(email: string) {
  if (!emailConfigured()) return;
  try {
    await sendMail({
      to: email,
      subject: "Someone tried to sign up with your address",
      text: [
        "Someone just tried to create a Streamfolio account with this email address, which already has one.",
        "",
        "If it was you: you already have an account. Sign in, or reset your password if you have forgotten it.",
        "If it was not you: nothing has changed and no one has access to your account. You can ignore this message.",
      ].join("\n"),
    });
  } catch (err) {
    logLine("error", "sign-up notice not sent", { error: String(err) });
  }
}
