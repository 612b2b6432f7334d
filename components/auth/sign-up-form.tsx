"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SignUpResult } from "@/lib/accounts";
import { signInWithPassword } from "@/lib/auth-client";

type Action = (prev: SignUpResult | null, form: FormData) => Promise<SignUpResult>;

const NEUTRAL = "If this address is new, your account is ready; if you already have one, sign in or reset your password.";

export function SignUpForm({ action }: { action: Action }) {
  const router = useRouter();
  // Controlled fields: React resets a form after its action runs, and a user with one typo keeps the rest.
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const [state, formAction, pending] = useActionState<SignUpResult | null, FormData>(async (prev, form) => {
    // The browser's zone, read when the form is sent: rendering it would bake in the server's zone.
    form.set("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    const result = await action(prev, form);
    if (!result.ok) return result;
    // The answer is the same for a new address and a taken one; signing in with what was typed tells them
    // apart for the person who knows the password, and for no one else.
    const signedIn = await signInWithPassword({ email: values.email, password: values.password }).catch(() => null);
    if (!signedIn?.ok) return { ok: false, fieldErrors: {}, formError: NEUTRAL };
    router.replace("/overview");
    router.refresh();
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Create your account</CardTitle>
        <CardDescription>Track every income stream as one portfolio.</CardDescription>
      </CardHeader>
      <CardContent>
        <form action={formAction} className="flex flex-col gap-4" noValidate>
          <Field label="Name" error={errors.name} required>
            <Input name="name" autoComplete="name" value={values.name} onChange={set("name")} />
          </Field>
          <Field label="Email" error={errors.email} required>
            <Input name="email" type="email" autoComplete="email" value={values.email} onChange={set("email")} />
          </Field>
          <Field label="Password" hint="At least 10 characters." error={errors.password} required>
            <Input name="password" type="password" autoComplete="new-password" value={values.password} onChange={set("password")} />
          </Field>
          {state && !state.ok && state.formError === NEUTRAL ? (
            <p role="status" className="text-sm font-medium">
              {NEUTRAL}{" "}
              <Link href="/sign-in" className="text-primary underline-offset-4 hover:underline">
                Go to sign in
              </Link>
            </p>
          ) : state && !state.ok && state.formError ? (
            <p role="alert" className="text-sm font-medium text-danger">
              {state.formError}
            </p>
          ) : null}
          <Button type="submit" loading={pending}>
            Sign up
          </Button>
          <p className="text-sm text-muted-foreground">
            Already have an account?{" "}
            <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
              Sign in
            </Link>
          </p>
        </form>
      </CardContent>
    </Card>
  );
}
