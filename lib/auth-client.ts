// The browser's side of next-auth's credentials flow, without shipping next-auth/react (and its Babel
// runtime) to the sign-in, sign-up and every signed-in page: the same two requests its signIn and signOut
// make. Fetch a CSRF token (the endpoint also sets the matching cookie), then post the form with json=true
// so next-auth answers with JSON instead of a redirect.

async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { credentials: "same-origin", headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => null)) as { csrfToken?: unknown } | null;
  if (!res.ok || typeof body?.csrfToken !== "string") throw new Error("Could not start a session: no CSRF token.");
  return body.csrfToken;
}

async function post(path: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  return fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body,
  });
}

export type SignInResult =
  | { ok: true }
  /** Wrong email or password (or a malformed request). */
  | { ok: false; reason: "credentials" }
  /** The password was right; the account asks for its second factor (a code or a recovery code). */
  | { ok: false; reason: "code-required" }
  /** The second factor was wrong. */
  | { ok: false; reason: "code-invalid" }
  /** Too many failed attempts: try again after `retryAfter` seconds. */
  | { ok: false; reason: "throttled"; retryAfter: number };

/**
 * Signs in with email and password, and the second factor when the account has one. next-auth sets the
 * session cookie on success; a refusal answers 401 with authorize()'s error in the JSON's url (Chromium
 * logs that response as a console error), and throttling answers 429 with Retry-After.
 */
export async function signInWithPassword(credentials: {
  email: string;
  password: string;
  code?: string;
  remember?: boolean;
}): Promise<SignInResult> {
  const { remember, code, ...rest } = credentials;
  const fields: Record<string, string> = { ...rest, callbackUrl: window.location.href };
  if (code) fields.code = code;
  if (remember) fields.remember = "true";
  const res = await post("/api/auth/callback/credentials", fields);
  if (res.ok) return { ok: true };
  if (res.status === 429) return { ok: false, reason: "throttled", retryAfter: Number(res.headers.get("retry-after")) || 60 };
  const body = (await res.json().catch(() => null)) as { url?: unknown } | null;
  let error: string | null = null;
  try {
    error = typeof body?.url === "string" ? new URL(body.url, window.location.href).searchParams.get("error") : null;
  } catch {
    error = null;
  }
  if (error === "TotpRequired") return { ok: false, reason: "code-required" };
  if (error === "TotpInvalid") return { ok: false, reason: "code-invalid" };
  return { ok: false, reason: "credentials" };
}

/** Ends this browser's session and leaves for `to` with a full navigation (nothing signed-in stays in memory). */
export async function signOut(to = "/"): Promise<void> {
  const res = await post("/api/auth/signout", { callbackUrl: to });
  if (!res.ok) throw new Error(`Sign-out failed (${res.status}).`);
  window.location.assign(to);
}
