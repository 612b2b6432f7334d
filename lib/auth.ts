import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { audit } from "@/lib/audit";
import { clientIp } from "@/lib/client-ip";
import { createSession, findUserForSession, revokeSession, sessionLifetimes } from "@/lib/data/sessions";
import { findCredentials } from "@/lib/data/users";
import { burnPasswordCheck, verifyPassword } from "@/lib/passwords";
import { rateLimit } from "@/lib/rate-limit";
import { signInInput } from "@/lib/schemas/users";
import { authSecret } from "@/lib/secret";

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
          const { email, password } = parsed.data;
          if (!rateLimit(`sign-in:${email}`, 10, 60_000)) return null;
          const user = await findCredentials(email);
          if (!user) {
            await burnPasswordCheck(password);
            return null;
          }
          if (!(await verifyPassword(user.passwordHash, password))) return null;
          const client = { ip: clientIp(req?.headers), userAgent: userAgentOf(req?.headers) };
          const sessionId = await createSession(user.id, client);
          await audit({ kind: "sign-in", userId: user.id, ...client });
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
