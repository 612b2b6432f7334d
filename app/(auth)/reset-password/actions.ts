"use server";

import { headers } from "next/headers";
import { resetPassword, type FormResult } from "@/lib/account-security";
import { clientIp } from "@/lib/client-ip";

export async function resetPasswordAction(_prev: FormResult | null, form: FormData): Promise<FormResult> {
  const h = await headers();
  return resetPassword(
    { token: form.get("token") ?? "", password: form.get("password") ?? "" },
    { ip: clientIp(h), userAgent: h.get("user-agent") },
  );
}
