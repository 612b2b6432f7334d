import type { NextRequest } from "next/server";
import { sessionClaims } from "@/lib/auth";
import { resolveToken } from "@/lib/data/tokens";
import { findUserForSession } from "@/lib/data/sessions";

export type Caller = { userId: string; via: "session" } | { userId: string; via: "token"; scope: "read" | "write" };

/** Who is calling: a bearer token when one is sent (never falling back to cookies), else the session. */
export async function authenticateRequest(req: Request): Promise<Caller | null> {
  const header = req.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) return null;
    const found = await resolveToken(match[1]);
    return found ? { userId: found.userId, via: "token", scope: found.scope } : null;
  }
  const cookies = (req as Partial<NextRequest>).cookies ?? parseCookies(req.headers.get("cookie"));
  const claims = await sessionClaims({ cookies, headers: req.headers });
  if (!claims) return null;
  const user = await findUserForSession(claims.uid, claims.sv, claims.sid);
  return user ? { userId: user.id, via: "session" } : null;
}

function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    try {
      out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // A malformed cookie is no credential: it is skipped, and the request is simply unauthenticated.
    }
  }
  return out;
}
