import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Set a new password" };

/** The reset link's page: its token is in the fragment (#token=…), which only the browser sees. */
export default function ResetPasswordPage() {
  return <ResetPasswordForm action={resetPasswordAction} />;
}
