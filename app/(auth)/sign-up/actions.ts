"use server";

import { headers } from "next/headers";
import { signUp, type SignUpResult } from "@/lib/accounts";
import { clientIp } from "@/lib/client-ip";
import { rateLimit } from "@/lib/rate-limit";

export async function signUpAction(_prev: SignUpResult | null, form: FormData): Promise<SignUpResult> {
  // The address the server stamped from the socket (X-Forwarded-For only as far as TRUSTED_PROXY_HOPS says).
  const h = await headers();
  const ip = clientIp(h);
  if (!(await rateLimit(`sign-up:${ip}`, Number(process.env.SIGN_UP_LIMIT_PER_HOUR) || 20, 60 * 60_000))) {
    return { ok: false, fieldErrors: {}, formError: "Too many sign-ups from here. Try again in an hour." };
  }
  return signUp(
    { name: form.get("name"), email: form.get("email"), password: form.get("password"), timeZone: form.get("timeZone") },
    { ip, userAgent: h.get("user-agent") },
  );
}
