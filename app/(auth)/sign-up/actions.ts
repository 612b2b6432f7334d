"use server";

import { signUp, type SignUpResult } from "@/lib/accounts";
import { rateLimit } from "@/lib/rate-limit";
import { headers } from "next/headers";

export async function signUpAction(_prev: SignUpResult | null, form: FormData): Promise<SignUpResult> {
  // The rightmost hop is the one our own proxy appended; the leftmost is whatever the client claimed.
  const ip = (await headers()).get("x-forwarded-for")?.split(",").at(-1)?.trim() ?? "local";
  if (!rateLimit(`sign-up:${ip}`, Number(process.env.SIGN_UP_LIMIT_PER_HOUR) || 20, 60 * 60_000)) {
    return { ok: false, fieldErrors: {}, formError: "Too many sign-ups from here. Try again in an hour." };
  }
  return signUp({
    name: form.get("name"),
    email: form.get("email"),
    password: form.get("password"),
    timeZone: form.get("timeZone"),
  });
}
