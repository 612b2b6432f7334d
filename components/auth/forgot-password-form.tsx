"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormResult } from "@/lib/account-security";

type Action = (prev: FormResult | null, form: FormData) => Promise<FormResult>;

/** Asks for the account's email; the answer is the same whether or not an account has it. */
export function ForgotPasswordForm({ action }: { action: Action }) {
  const [email, setEmail] = useState("");
  const [state, formAction, pending] = useActionState<FormResult | null, FormData>(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Forgot your password?</CardTitle>
        <CardDescription>Enter the email you sign in with, and we will send you a link to set a new password.</CardDescription>
      </CardHeader>
      <CardContent>
        {state?.ok ? (
          <div className="flex flex-col gap-4 text-sm">
            <p role="status" className="font-medium">
              {state.message}
            </p>
            <p className="text-muted-foreground">No mail after a few minutes? Check your spam folder, or try again later.</p>
            <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
              Back to sign in
            </Link>
          </div>
        ) : (
          <form action={formAction} className="flex flex-col gap-4" noValidate>
            <Field label="Email" error={errors.email} required>
              <Input name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </Field>
            {state && !state.ok && state.formError ? (
              <p role="alert" className="text-sm font-medium text-danger">
                {state.formError}
              </p>
            ) : null}
            <Button type="submit" loading={pending}>
              Send the link
            </Button>
            <p className="text-sm text-muted-foreground">
              Remembered it?{" "}
              <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
                Sign in
              </Link>
            </p>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
