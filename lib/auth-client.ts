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

/**
 * Signs in with email and password. True when next-auth set the session cookie; false when it refused
 * the credentials (it answers 401, and Chromium logs that response as a console error).
 */
export async function signInWithPassword(credentials: { email: string; password: string }): Promise<boolean> {
  const res = await post("/api/auth/callback/credentials", { ...credentials, callbackUrl: window.location.href });
  return res.ok;
}

/** Ends this browser's session and leaves for `to` with a full navigation (nothing signed-in stays in memory). */
export async function signOut(to = "/"): Promise<void> {
  const res = await post("/api/auth/signout", { callbackUrl: to });
  if (!res.ok) throw new Error(`Sign-out failed (${res.status}).`);
  window.location.assign(to);
}
