import "server-only";
import { headers } from "next/headers";

const first = (value: string | null) => value?.split(",")[0]?.trim() || null;

/**
 * The origin people and automations reach this app on, for examples they copy: NEXTAUTH_URL's when it is
 * set (the public address behind a proxy), else the host the request was addressed to.
 */
export async function appOrigin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) {
    try {
      return new URL(process.env.NEXTAUTH_URL).origin;
    } catch {
      // A malformed NEXTAUTH_URL is next-auth's to report; fall back to the request's host.
    }
  }
  const h = await headers();
  const host = first(h.get("x-forwarded-host")) ?? h.get("host") ?? "localhost:3000";
  const proto = first(h.get("x-forwarded-proto")) ?? "http";
  return `${proto}://${host}`;
}
