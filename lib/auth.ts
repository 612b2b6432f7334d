import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { audit } from "@/lib/audit";
import { clientIp } from "@/lib/client-ip";
import { createSession, findUserForSession, revokeSession, sessionLifetimes } from "@/lib/data/sessions";
import { AsyncLocalStorage } from "node:async_hooks";
import { getTotpSecret, rememberDevice } from "@/lib/data/two-factor";
import { findCredentials } from "@/lib/data/users";
import { burnPasswordCheck, verifyPassword } from "@/lib/passwords";
import { signInInput } from "@/lib/schemas/users";
import { authSecret } from "@/lib/secret";
import { recordSignInFailure, SignInThrottled, throttleState } from "@/lib/sign-in-throttle";
import { REMEMBER_DAYS, checkSecondFactor, deviceCookie, isTrustedBrowser, newDeviceToken, sha256 } from "@/lib/totp";

// Self-hosted on any host or port without configuration: trust the Host header unless NEXTAUTH_URL pins it.
if (!process.env.NEXTAUTH_URL && !process.env.AUTH_TRUST_HOST) process.env.AUTH_TRUST_HOST = "true";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    user: { id: string; name: string; email: string };
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
  }
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    // The cookie lives as long as a session may; the server-side session row decides whether it still does.
    session: { strategy: "jwt", maxAge: Math.ceil(sessionLifetimes().maxHours * 3600) },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const parsed = signInInput.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password, code, remember } = parsed.data;
          const client = { ip: clientIp(req?.headers), userAgent: userAgentOf(req?.headers) };
          // Throttling comes first and the password is not checked while it holds: a refusal says nothing about it.
          const throttle = await throttleState(email, client.ip);
          const user = await findCredentials(email);
          const throttled = async (seconds: number) => {
            await audit({ kind: "sign-in.throttled", userId: user?.id, ...client, detail: { retryAfter: seconds } });
            return new SignInThrottled(seconds);
          };
          if (throttle.hardWait > 0) throw await throttled(throttle.hardWait);
          const failed = async (reason: "password" | "second-factor") => {
            await recordSignInFailure(email, client.ip);
            await audit({ kind: "sign-in.failed", userId: user?.id, ...client, detail: { reason } });
          };
          if (!user) {
            await burnPasswordCheck(password);
            if (throttle.accountWait > 0) throw await throttled(throttle.accountWait);
            await failed("password");
            return null;
          }
          const passwordOk = await verifyPassword(user.passwordHash, password);
          const totp = passwordOk ? await getTotpSecret(user.id) : null;
          const trusted = totp?.enabled ? await isTrustedBrowser(user.id, req?.headers) : false;
          // The second factor, checked once (a recovery code is used up by the check).
          const factor = totp?.enabled && totp.secret && !trusted && code ? await checkSecondFactor(user.id, totp.secret, code) : null;
          // The account rule holds off addresses that have failed on this account, unless the owner proves
          // themselves: the password together with a trusted browser or a correct second factor.
          if (throttle.accountWait > 0 && !(passwordOk && (trusted || factor))) throw await throttled(throttle.accountWait);
          if (!passwordOk) {
            await failed("password");
            return null;
          }
          if (totp?.enabled && !trusted) {
            if (!code) throw new Error("TotpRequired");
            if (!factor) {
              await failed("second-factor");
              throw new Error("TotpInvalid");
            }
            if (factor === "recovery") await audit({ kind: "recovery-code.used", userId: user.id, ...client });
            if (remember === "true") {
              const token = newDeviceToken();
              await rememberDevice(user.id, sha256(token), REMEMBER_DAYS);
              signInResponse.getStore()?.setCookies.push(deviceCookie(token, req?.headers));
            }
          }
          const sessionId = await createSession(user.id, client);
          await audit({
            kind: "sign-in",
            userId: user.id,
            ...client,
            detail: totp?.enabled ? { secondFactor: trusted ? "trusted-browser" : factor } : undefined,
          });
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, sessionId };
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        if (token?.uid && token.sid) {
          await revokeSession(token.uid, token.sid);
          await audit({ kind: "sign-out", userId: token.uid });
        }
      },
    },
    logger: {
      // An ended session is an expected answer (no user), not an error worth a stack trace.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR" && (metadata as { error?: unknown } | undefined)?.error instanceof SessionEnded) return;
        console.error(
          JSON.stringify({
            time: new Date().toISOString(),
            level: "error",
            msg: "next-auth",
            code,
            error: String((metadata as { message?: unknown })?.message ?? metadata),
          }),
        );
      },
      warn() {},
      debug() {},
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 1;
          token.sid = user.sessionId;
          return token;
        }
        // /api/auth/session asks too: a signed-out or expired session answers no user (next-auth clears the cookie).
        if (!token.uid || typeof token.sv !== "number" || !token.sid || !(await findUserForSession(token.uid, token.sv, token.sid)))
          throw new SessionEnded();
        return token;
      },
      session({ session, token }) {
        if (token.uid) session.user = { id: token.uid, name: session.user?.name ?? "", email: session.user?.email ?? "" };
        return session;
      },
    },
  };
}

class SessionEnded extends Error {}

/**
 * Cookies a sign-in sets besides next-auth's own (the trusted-browser cookie): authorize() adds them here
 * and the route handler (app/api/auth/[...nextauth]/route.ts) puts them on its answer.
 */
const signInResponse = new AsyncLocalStorage<{ setCookies: string[] }>();

export async function withSignInResponse(run: () => Promise<Response>): Promise<Response> {
  const store = { setCookies: [] as string[] };
  const res = await signInResponse.run(store, run);
  for (const cookie of store.setCookies) res.headers.append("set-cookie", cookie);
  return res;
}

function userAgentOf(headers: Headers | Record<string, unknown> | undefined): string | null {
  const value = headers instanceof Headers ? headers.get("user-agent") : headers?.["user-agent"];
  return typeof value === "string" ? value : null;
}

export interface SessionClaims {
  uid: string;
  sv: number;
  sid: string;
}

/** Decodes the session cookie of a request (or of the current page's request). */
export async function sessionClaims(req?: { cookies: unknown; headers: Headers }): Promise<SessionClaims | null> {
  const source = req ?? { cookies: await cookies(), headers: await headers() };
  // The same rule next-auth uses to name the cookie it sets (https → "__Secure-…"), so reading never
  // looks under the other name behind a TLS-terminating proxy.
  const secureCookie = process.env.NEXTAUTH_URL
    ? process.env.NEXTAUTH_URL.startsWith("https://")
    : source.headers.get("x-forwarded-proto") === "https";
  const token = await getToken({ req: source as Parameters<typeof getToken>[0]["req"], secret: authSecret(), secureCookie });
  if (!token?.uid || typeof token.sv !== "number" || typeof token.sid !== "string") return null;
  return { uid: token.uid, sv: token.sv, sid: token.sid };
}

/** For server pages: the signed-in user (session version checked against the database), or a redirect to sign in. */
export async function requireUser() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}

export async function currentUser() {
  const claims = await sessionClaims();
  if (!claims) return null;
  return findUserForSession(claims.uid, claims.sv, claims.sid);
}

/** The id of the current page's session (a password change keeps it and ends the others). */
export async function currentSessionId(): Promise<string | null> {
  return (await sessionClaims())?.sid ?? null;
}
