import "server-only";
import crypto from "node:crypto";
import type { z } from "zod";
import { audit, logLine } from "@/lib/audit";
import {
  consumePasswordReset,
  createPasswordReset,
  deleteUserAndData,
  getPasswordHash,
  recentResetCount,
  resetTokenUsable,
  setEmail,
  setPasswordAndEndSessions,
  setPasswordHash,
} from "@/lib/data/account";
import { revokeOtherSessions } from "@/lib/data/sessions";
import { findCredentials } from "@/lib/data/users";
import { emailConfigured, sendMail } from "@/lib/email";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { rateLimit } from "@/lib/rate-limit";
import { changeEmailInput, changePasswordInput, deleteAccountInput, forgotPasswordInput, resetPasswordInput } from "@/lib/schemas/account";

/*
 * The account's own security changes (Settings → Account) and password resets, for the server actions,
 * the operator's script and the tests. Each takes the caller (user id, this browser's session, its
 * address) from the action, so nothing here reads a cookie.
 */

export type FormResult<K extends string = string> =
  { ok: true; message?: string } | { ok: false; fieldErrors: Partial<Record<K, string>>; formError?: string };

export interface Caller {
  userId: string;
  /** This browser's session: a password change keeps it and ends the others. */
  sessionId: string | null;
  ip: string;
  userAgent: string | null;
}

function fieldErrorsOf<K extends string>(error: z.ZodError): FormResult<K> {
  const fieldErrors: Partial<Record<K, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form") as K;
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

const tooMany = (minutes: number) => ({
  ok: false as const,
  fieldErrors: {},
  formError: `Too many attempts. Try again in ${minutes} minutes.`,
});
const wrongPassword = "That is not your current password.";

/**
 * Guessing the current password from a signed-in browser (a borrowed laptop) is limited like signing in:
 * ten checks per account in 15 minutes.
 */
async function checkPassword(userId: string, password: string): Promise<"ok" | "wrong" | "throttled" | "gone"> {
  if (!(await rateLimit(`account-password:${userId}`, 10, 15 * 60_000))) return "throttled";
  const account = await getPasswordHash(userId);
  if (!account) return "gone";
  return (await verifyPassword(account.passwordHash, password)) ? "ok" : "wrong";
}

/** Change password: the current one verified, the new one by sign-up's rules and not the same; other sessions end. */
export async function changePassword(caller: Caller, raw: unknown): Promise<FormResult<"currentPassword" | "newPassword">> {
  const parsed = changePasswordInput.safeParse(raw);
  if (!parsed.success) return fieldErrorsOf(parsed.error);
  const { currentPassword, newPassword } = parsed.data;
  const check = await checkPassword(caller.userId, currentPassword);
  if (check === "throttled") return tooMany(15);
  if (check !== "ok") return { ok: false, fieldErrors: { currentPassword: wrongPassword } };
  if (newPassword === currentPassword)
    return { ok: false, fieldErrors: { newPassword: "Choose a password different from your current one." } };
  await setPasswordHash(caller.userId, await hashPassword(newPassword));
  await revokeOtherSessions(caller.userId, caller.sessionId);
  await audit({ kind: "password.changed", userId: caller.userId, ip: caller.ip, userAgent: caller.userAgent });
  return { ok: true, message: "Password changed. Every other browser was signed out." };
}

/** Change email: the password verified, the new address free (said generically), the old address told. */
export async function changeEmail(caller: Caller, raw: unknown): Promise<FormResult<"email" | "password">> {
  const parsed = changeEmailInput.safeParse(raw);
  if (!parsed.success) return fieldErrorsOf(parsed.error);
  const { email, password } = parsed.data;
  const check = await checkPassword(caller.userId, password);
  if (check === "throttled") return tooMany(15);
  if (check !== "ok") return { ok: false, fieldErrors: { password: wrongPassword } };
  const before = (await getPasswordHash(caller.userId))?.email ?? "";
  if (before.toLowerCase() === email) return { ok: false, fieldErrors: { email: "That is already your email." } };
  if ((await setEmail(caller.userId, email)) === "taken") return { ok: false, fieldErrors: { email: "That email can't be used." } };
  await audit({ kind: "email.changed", userId: caller.userId, ip: caller.ip, userAgent: caller.userAgent });
  if (emailConfigured() && before) {
    mailInBackground("email.changed", {
      to: before,
      subject: "Your Streamfolio email was changed",
      text: [
        "The sign-in email of your Streamfolio account was changed from this address to another one.",
        "",
        "If you made this change, there is nothing to do.",
        "If you did not, someone else may be signed in to your account: reset your password and tell the person who runs your Streamfolio server.",
      ].join("\n"),
    });
  }
  return { ok: true, message: "Email changed. Sign in with the new one from now on." };
}

/** Delete the account: the password verified and the email typed; every row of the account goes. */
export async function deleteAccount(caller: Caller, raw: unknown): Promise<FormResult<"password" | "confirm">> {
  const parsed = deleteAccountInput.safeParse(raw);
  if (!parsed.success) return fieldErrorsOf(parsed.error);
  const check = await checkPassword(caller.userId, parsed.data.password);
  if (check === "throttled") return tooMany(15);
  if (check === "gone") return { ok: true };
  if (check !== "ok") return { ok: false, fieldErrors: { password: wrongPassword } };
  const email = (await getPasswordHash(caller.userId))?.email ?? "";
  if (parsed.data.confirm.toLowerCase() !== email.toLowerCase())
    return { ok: false, fieldErrors: { confirm: "Type your email exactly as shown above." } };
  await deleteUserAndData(caller.userId);
  // A log line only: the account's activity rows went with it.
  await audit({ kind: "account.deleted", userId: caller.userId, ip: caller.ip });
  return { ok: true };
}

// ── Password reset ─────────────────────────────────────────────────────────────────────────────────

/**
 * Reset by email needs SMTP and the app's public address: the link is built from NEXTAUTH_URL, never
 * from the request's Host header, which a client can set to its own site (reset-link poisoning).
 */
export function resetByMailAvailable(): boolean {
  return emailConfigured() && Boolean(process.env.NEXTAUTH_URL);
}

export const RESET_REQUESTED =
  "If an account exists for that email, we sent it a link to set a new password. The link works once, within the hour.";

/**
 * "Forgot password?": the same answer whether or not the account exists, and about as fast (the mail goes
 * out in the background). Limited per client address (10 an hour) and, silently, per email (3 an hour).
 */
export async function requestPasswordReset(raw: unknown, client: { ip: string; userAgent: string | null }): Promise<FormResult<"email">> {
  if (!resetByMailAvailable())
    return { ok: false, fieldErrors: {}, formError: "Reset by email is not set up on this server. Ask the person who runs it." };
  const parsed = forgotPasswordInput.safeParse(raw);
  if (!parsed.success) return fieldErrorsOf(parsed.error);
  if (!(await rateLimit(`reset-request:ip:${client.ip}`, 10, 60 * 60_000)))
    return { ok: false, fieldErrors: {}, formError: "Too many requests from here. Try again in an hour." };
  const { email } = parsed.data;
  const done = { ok: true as const, message: RESET_REQUESTED };
  if (!(await rateLimit(`reset-request:email:${email}`, 3, 60 * 60_000))) return done;
  const user = await findCredentials(email);
  if (!user || (await recentResetCount(user.id)) >= 3) return done;
  const token = await createPasswordReset(user.id);
  await audit({ kind: "password.reset-requested", userId: user.id, ip: client.ip });
  mailInBackground("password.reset-requested", {
    to: user.email,
    subject: "Reset your Streamfolio password",
    text: [
      "Someone, hopefully you, asked to reset the password of the Streamfolio account for this address.",
      "",
      `Set a new password within the hour: ${resetLink(token)}`,
      "",
      "The link works once. If you did not ask, ignore this mail: your password stays as it is.",
    ].join("\n"),
  });
  return done;
}

/** The token travels in the fragment, which browsers never send to a server: it stays out of access logs and referrers. */
export function resetLink(token: string): string {
  return `${process.env.NEXTAUTH_URL!.replace(/\/+$/, "")}/reset-password#token=${token}`;
}

const spentLink = "This reset link has expired or was already used. Ask for a new one.";

/** Sets a new password with a reset link's token: one use, within the hour; every session of the account ends. */
export async function resetPassword(raw: unknown, client: { ip: string; userAgent: string | null }): Promise<FormResult<"password">> {
  const parsed = resetPasswordInput.safeParse(raw);
  if (!parsed.success) {
    const result = fieldErrorsOf<"password" | "token">(parsed.error);
    if (!result.ok && result.fieldErrors.token) return { ok: false, fieldErrors: {}, formError: spentLink };
    return result as FormResult<"password">;
  }
  if (!(await rateLimit(`reset-use:${client.ip}`, 20, 60 * 60_000)))
    return { ok: false, fieldErrors: {}, formError: "Too many attempts from here. Try again in an hour." };
  // Checked before hashing, so unknown tokens cost no argon2 run; spent atomically after it.
  if (!(await resetTokenUsable(parsed.data.token))) return { ok: false, fieldErrors: {}, formError: spentLink };
  const userId = await consumePasswordReset(parsed.data.token, await hashPassword(parsed.data.password));
  if (!userId) return { ok: false, fieldErrors: {}, formError: spentLink };
  await audit({ kind: "password.reset", userId, ip: client.ip, userAgent: client.userAgent });
  return { ok: true, message: "Your password was changed and every browser was signed out. Sign in with the new one." };
}

/**
 * The operator's reset (`npm run user:reset-password -- <email>`): a new random password (about 144 bits,
 * shown once by the script), every session ended. Null when no account has that email.
 */
export async function resetPasswordByOperator(email: string): Promise<{ userId: string; password: string } | null> {
  const user = await findCredentials(email);
  if (!user) return null;
  const password = crypto.randomBytes(18).toString("base64url");
  await setPasswordAndEndSessions(user.id, await hashPassword(password));
  await audit({ kind: "password.reset", userId: user.id, ip: "operator", detail: { by: "operator" } });
  return { userId: user.id, password };
}

/** Mail is sent without holding up the answer (its timing would tell whether an account exists); failures are logged. */
function mailInBackground(kind: string, message: { to: string; subject: string; text: string }) {
  void sendMail(message).catch((err: unknown) => logLine("error", "mail failed", { kind, error: String(err) }));
}
