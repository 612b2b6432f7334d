import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { findCredentials, findUserForSession } from "@/lib/data/users";
import { burnPasswordCheck, verifyPassword } from "@/lib/passwords";
import { rateLimit } from "@/lib/rate-limit";
import { signInInput } from "@/lib/schemas/users";
import { authSecret } from "@/lib/secret";

// Self-hosted on any host or port without configuration: trust the Host header unless NEXTAUTH_URL pins it.
if (!process.env.NEXTAUTH_URL && !process.env.AUTH_TRUST_HOST) process.env.AUTH_TRUST_HOST = "true";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; name: string; email: string };
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
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
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 1;
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid) session.user = { id: token.uid, name: session.user?.name ?? "", email: session.user?.email ?? "" };
        return session;
      },
    },
  };
}

export interface SessionClaims {
  uid: string;
  sv: number;
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
  if (!token?.uid || typeof token.sv !== "number") return null;
  return { uid: token.uid, sv: token.sv };
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
  return findUserForSession(claims.uid, claims.sv);
}
