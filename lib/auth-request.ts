import type { NextRequest } from "next/server";
import { sessionClaims } from "@/lib/auth";
import { resolveToken } from "@/lib/data/tokens";
import type { MetricsStamp } from "@/lib/data/data-versions";
import { findUserForSession } from "@/lib/data/sessions";

/** `stamp`: read with the credential (same row), so a cached metrics answer costs no query of its own. */
export type Caller = { userId: string; stamp: MetricsStamp } & ({ via: "session" } | { via: "token"; scope: "read" | "write" });

/** Who is calling: a bearer token when one is sent (never falling back to cookies), else the session. */
export async function authenticateRequest(req: Request): Promise<Caller | null> {
  const header = req.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) return null;
    const found = await resolveToken(match[1]);
    return found ? { userId: found.userId, stamp: found.stamp, via: "token", scope: found.scope } : null;
  }
  const cookies = (req as Partial<NextRequest>).cookies ?? parseCookies(req.headers.get("cookie"));
  const claims = await sessionClaims({ cookies, headers: req.headers });
  if (!claims) return null;
  const user = await findUserForSession(claims.uid, claims.sv, claims.sid);
  return user ? { userId: user.id, stamp: user.stamp, via: "session" } : null;
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
