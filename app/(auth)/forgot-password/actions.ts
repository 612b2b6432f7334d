"use server";

import { headers } from "next/headers";
import { requestPasswordReset, type FormResult } from "@/lib/account-security";
import { clientIp } from "@/lib/client-ip";

export async function forgotPasswordAction(_prev: FormResult | null, form: FormData): Promise<FormResult> {
  const h = await headers();
  return requestPasswordReset({ email: form.get("email") ?? "" }, { ip: clientIp(h), userAgent: h.get("user-agent") });
}
