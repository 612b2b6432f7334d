import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { resetByMailAvailable } from "@/lib/account-security";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };
// Whether mail is set up is read when the page is asked for, not when it was built.
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  if (resetByMailAvailable()) return <ForgotPasswordForm action={forgotPasswordAction} />;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Forgot your password?</CardTitle>
        <CardDescription>This server does not send email, so it cannot mail you a reset link.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        <p>
          Ask the person who runs this Streamfolio server to reset it. They run <code>npm run user:reset-password -- your@email</code> on
          the server and give you a new password, which you can then change in Settings.
        </p>
        <p>
          <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
            Back to sign in
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
