"use server";

import { cookies, headers } from "next/headers";
import { changeEmail, changePassword, deleteAccount, type Caller, type FormResult } from "@/lib/account-security";
import { audit } from "@/lib/audit";
import { currentSessionId, requireUser } from "@/lib/auth";
import { clientIp } from "@/lib/client-ip";
import { revokeSession } from "@/lib/data/sessions";
import { sessionIdInput } from "@/lib/schemas/account";

// Settings → Account. Each action finds its caller from the session cookie and hands the rest to
// lib/account-security.ts; the forms call them through useActionState.

async function caller(): Promise<Caller> {
  const user = await requireUser();
  const h = await headers();
  return { userId: user.id, sessionId: await currentSessionId(), ip: clientIp(h), userAgent: h.get("user-agent") };
}

const fields = (form: FormData, ...names: string[]) => Object.fromEntries(names.map((n) => [n, form.get(n) ?? ""]));

export async function changePasswordAction(_prev: FormResult | null, form: FormData): Promise<FormResult> {
  return changePassword(await caller(), fields(form, "currentPassword", "newPassword"));
}

export async function changeEmailAction(_prev: FormResult | null, form: FormData): Promise<FormResult> {
  return changeEmail(await caller(), fields(form, "email", "password"));
}

/** Deletes the account; the browser then leaves for the landing page (its session is gone with the account). */
export async function deleteAccountAction(_prev: FormResult | null, form: FormData): Promise<FormResult> {
  const result = await deleteAccount(await caller(), fields(form, "password", "confirm"));
  if (result.ok) {
    // Signed out here and now (the session rows went with the account): the cookie, chunks included.
    const jar = await cookies();
    for (const c of jar.getAll())
      if (c.name.includes("next-auth.session-token"))
        // A __Secure- cookie is only replaced by one that is Secure too.
        jar.set(c.name, "", { expires: new Date(0), path: "/", httpOnly: true, sameSite: "lax", secure: c.name.startsWith("__Secure-") });
  }
  return result;
}

/** Signs one of the account's other browsers out (an id of another account's session changes nothing). */
export async function signOutSessionAction(sessionId: string): Promise<{ ok: boolean }> {
  const who = await caller();
  const id = sessionIdInput.safeParse(sessionId);
  if (!id.success) return { ok: false };
  await revokeSession(who.userId, id.data);
  await audit({ kind: "sign-out", userId: who.userId, ip: who.ip, detail: { sessionId: id.data, by: "settings" } });
  return { ok: true };
}
