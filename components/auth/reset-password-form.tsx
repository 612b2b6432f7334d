"use client";

import Link from "next/link";
import { useActionState, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormResult } from "@/lib/account-security";

type Action = (prev: FormResult | null, form: FormData) => Promise<FormResult>;

const subscribe = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};
/** The link's token, from the fragment (#token=…); null on the server and when the link has none. */
const tokenOfHash = () => new URLSearchParams(window.location.hash.slice(1)).get("token");

export function ResetPasswordForm({ action }: { action: Action }) {
  const token = useSyncExternalStore(subscribe, tokenOfHash, () => null);
  const [password, setPassword] = useState("");
  const [state, formAction, pending] = useActionState<FormResult | null, FormData>(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const signInLink = (
    <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
      Sign in
    </Link>
  );
  const askAgain = (
    <Link href="/forgot-password" className="font-medium text-primary underline-offset-4 hover:underline">
      Ask for a new link
    </Link>
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Set a new password</CardTitle>
        <CardDescription>Every browser signed in to your account will be signed out.</CardDescription>
      </CardHeader>
      <CardContent>
        {state?.ok ? (
          <div className="flex flex-col gap-4 text-sm">
            <p role="status" className="font-medium">
              {state.message}
            </p>
            {signInLink}
          </div>
        ) : !token ? (
          <div className="flex flex-col gap-4 text-sm">
            <p>This page opens from the link in a password-reset email, and this link is incomplete. Open it from the email again.</p>
            {askAgain}
          </div>
        ) : (
          <form action={formAction} className="flex flex-col gap-4" noValidate>
            <input type="hidden" name="token" value={token} />
            <Field label="New password" hint="At least 10 characters." error={errors.password} required>
              <Input
                name="password"
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </Field>
            {state && !state.ok && state.formError ? (
              <div role="alert" className="flex flex-col gap-2 text-sm">
                <p className="font-medium text-danger">{state.formError}</p>
                {askAgain}
              </div>
            ) : null}
            <Button type="submit" loading={pending}>
              Set the new password
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
