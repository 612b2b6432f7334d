import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/**
 * Where to go after signing in: a path on this site only (an open redirect would be a phishing tool).
 * Resolving against a dummy origin catches "//evil", "/\\evil" and encoded tricks the browser would follow.
 */
function sameSitePath(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return "/overview";
  try {
    const url = new URL(raw, "http://same.site");
    return url.origin === "http://same.site" ? url.pathname + url.search + url.hash : "/overview";
  } catch {
    return "/overview";
  }
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await currentUser()) redirect("/overview");
  const { callbackUrl } = await searchParams;
  return <SignInForm next={sameSitePath(callbackUrl)} />;
}
