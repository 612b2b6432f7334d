"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInWithPassword } from "@/lib/auth-client";

type Errors = { email?: string; password?: string; form?: string };

/**
 * The browser's own constraint validation (required, type="email") names a field that cannot be sent; the
 * server (signInInput in the credentials provider) stays the judge of everything else. No validation
 * library ships to this page.
 */
function invalidFields(form: HTMLFormElement): Errors {
  const errors: Errors = {};
  for (const name of ["email", "password"] as const) {
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLInputElement && !control.validity.valid) errors[name] = control.validationMessage;
  }
  return errors;
}

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [values, setValues] = useState({ email: "", password: "" });
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const invalid = invalidFields(e.currentTarget);
    if (Object.keys(invalid).length > 0) {
      setErrors(invalid);
      return;
    }
    setPending(true);
    setErrors({});
    const ok = await signInWithPassword(values).catch(() => false);
    if (!ok) {
      setPending(false);
      setErrors({ form: "That email and password do not match an account." });
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Sign in</CardTitle>
        <CardDescription>Welcome back to your income portfolio.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label="Email" error={errors.email} required>
            <Input
              name="email"
              type="email"
              autoComplete="email"
              value={values.email}
              onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
            />
          </Field>
          <Field label="Password" error={errors.password} required>
            <Input
              name="password"
              type="password"
              autoComplete="current-password"
              value={values.password}
              onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
            />
          </Field>
          {errors.form ? (
            <p role="alert" className="text-sm font-medium text-danger">
              {errors.form}
            </p>
          ) : null}
          <Button type="submit" loading={pending}>
            Sign in
          </Button>
          <p className="text-sm text-muted-foreground">
            New here?{" "}
            <Link href="/sign-up" className="font-medium text-primary underline-offset-4 hover:underline">
              Create an account
            </Link>
          </p>
        </form>
      </CardContent>
    </Card>
  );
}
