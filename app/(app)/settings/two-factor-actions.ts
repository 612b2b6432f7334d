"use server";

import { headers } from "next/headers";
import { audit } from "@/lib/audit";
import { requireUser } from "@/lib/auth";
import { clientIp } from "@/lib/client-ip";
import { disableTotp, enableTotp, getPasswordHash, getTotpSecret, getTwoFactorStatus, setPendingTotpSecret } from "@/lib/data/two-factor";
import { verifyPassword } from "@/lib/passwords";
import { recordSignInFailure, throttleState } from "@/lib/sign-in-throttle";
import {
  checkSecondFactor,
  groupedSecret,
  newRecoveryCodes,
  newTotpSecret,
  qrDataUrl,
  recoveryCodeHash,
  totpUri,
  verifyTotp,
} from "@/lib/totp";

export type TwoFactorStatus = Awaited<ReturnType<typeof getTwoFactorStatus>>;
type Failed = { ok: false; error: string };

/** Step 1 of enrolment: a new secret, as a QR code and as a key to type; not in force until confirmed. */
export async function startTwoFactor(): Promise<{ ok: true; qr: string; key: string } | Failed> {
  const user = await requireUser();
  const secret = newTotpSecret();
  if (!(await setPendingTotpSecret(user.id, secret))) return { ok: false, error: "Two-factor sign-in is already on." };
  return { ok: true, qr: qrDataUrl(totpUri(secret, user.email)), key: groupedSecret(secret) };
}

/** Step 2: a code from the app proves it holds the secret; then it is in force, with ten recovery codes shown this once. */
export async function confirmTwoFactor(code: string): Promise<{ ok: true; recoveryCodes: string[]; status: TwoFactorStatus } | Failed> {
  const user = await requireUser();
  const { secret, enabled } = await getTotpSecret(user.id);
  if (enabled) return { ok: false, error: "Two-factor sign-in is already on." };
  if (!secret) return { ok: false, error: "Start the set-up again." };
  if (!(await verifyTotp(user.id, secret, String(code ?? ""))))
    return { ok: false, error: "That code did not match. Enter the current code from your app." };
  const codes = newRecoveryCodes();
  if (!(await enableTotp(user.id, codes.map(recoveryCodeHash)))) return { ok: false, error: "Start the set-up again." };
  const h = await headers();
  await audit({ kind: "totp.enabled", userId: user.id, ip: clientIp(h), userAgent: h.get("user-agent") });
  return { ok: true, recoveryCodes: codes, status: await getTwoFactorStatus(user.id) };
}

/**
 * Turns two-factor sign-in off, with the account's password or a current code (or a recovery code).
 * Wrong answers count toward sign-in throttling, so this is no side door for guessing either.
 */
export async function disableTwoFactor(proof: string): Promise<{ ok: true; status: TwoFactorStatus } | Failed> {
  const user = await requireUser();
  const h = await headers();
  const ip = clientIp(h);
  const account = user.email.toLowerCase();
  const value = String(proof ?? "").slice(0, 200);
  const throttle = await throttleState(account, ip);
  if (throttle.hardWait > 0) return { ok: false, error: `Too many attempts. Try again in ${Math.ceil(throttle.hardWait / 60)} minutes.` };
  const hash = await getPasswordHash(user.id);
  const { secret } = await getTotpSecret(user.id);
  const proven =
    (value.length > 0 && hash !== null && (await verifyPassword(hash, value))) ||
    (secret !== null && value.length > 0 && (await checkSecondFactor(user.id, secret, value)) !== null);
  if (!proven) {
    await recordSignInFailure(account, ip);
    return { ok: false, error: "That is neither your password nor a current code." };
  }
  await disableTotp(user.id);
  await audit({ kind: "totp.disabled", userId: user.id, ip, userAgent: h.get("user-agent") });
  return { ok: true, status: await getTwoFactorStatus(user.id) };
}
