"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInWithPassword, type SignInResult } from "@/lib/auth-client";

type Errors = { email?: string; password?: string; code?: string; form?: string };

/**
 * The browser's own constraint validation (required, type="email") names a field that cannot be sent; the
 * server (signInInput in the credentials provider) stays the judge of everything else. No validation
 * library ships to this page.
 */
function invalidFields(form: HTMLFormElement): Errors {
  const errors: Errors = {};
  for (const name of ["email", "password", "code"] as const) {
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLInputElement && !control.validity.valid) errors[name] = control.validationMessage;
  }
  return errors;
}

/** "Too many attempts. Try again in 3 minutes." — the wait rounded up to whole minutes. */
export function throttledMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

const refusals: Record<Exclude<SignInResult, { ok: true }>["reason"], string> = {
  credentials: "That email and password do not match an account.",
  "code-required": "Enter the code from your authenticator app.",
  "code-invalid": "That code did not work. Enter the current code from your app, or a recovery code.",
  throttled: "",
};

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [values, setValues] = useState({ email: "", password: "", code: "", remember: false });
  // After the password is accepted, an account with two-factor sign-in asks for its code on a second step.
  const [step, setStep] = useState<"password" | "code">("password");
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
    const result: SignInResult = await signInWithPassword({
      email: values.email,
      password: values.password,
      ...(step === "code" ? { code: values.code, remember: values.remember } : {}),
    }).catch(() => ({ ok: false, reason: "credentials" }) as const);
    if (!result.ok) {
      setPending(false);
      if (result.reason === "throttled") setErrors({ form: throttledMessage(result.retryAfter) });
      else if (result.reason === "code-required") {
        setStep("code");
        setValues((v) => ({ ...v, code: "" }));
      } else if (result.reason === "code-invalid") setErrors({ code: refusals["code-invalid"] });
      else {
        // A wrong password on the code step (it cannot change there) means start over.
        setStep("password");
        setErrors({ form: refusals.credentials });
      }
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
          {step === "password" ? (
            <>
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
            </>
          ) : (
            <>
              <p className="text-sm text-muted-foreground">
                Two-factor sign-in is on for {values.email}. Enter the 6-digit code from your authenticator app, or one of your recovery
                codes.
              </p>
              <Field label="Authentication code" error={errors.code} required>
                <Input
                  name="code"
                  autoComplete="one-time-code"
                  autoCapitalize="none"
                  spellCheck={false}
                  autoFocus
                  value={values.code}
                  onChange={(e) => setValues((v) => ({ ...v, code: e.target.value }))}
                />
              </Field>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="remember"
                  checked={values.remember}
                  onChange={(e) => setValues((v) => ({ ...v, remember: e.target.checked }))}
                  className="mt-0.5 size-4 accent-primary"
                />
                <span>
                  <span className="font-medium">Trust this browser for 30 days</span>
                  <span className="block text-muted-foreground">It will not ask for a code here again. Only on a device of your own.</span>
                </span>
              </label>
            </>
          )}
          {errors.form ? (
            <p role="alert" className="text-sm font-medium text-danger">
              {errors.form}
            </p>
          ) : null}
          <Button type="submit" loading={pending}>
            {step === "code" ? "Verify" : "Sign in"}
          </Button>
          {step === "code" ? (
            <Button
              variant="ghost"
              onClick={() => {
                setStep("password");
                setErrors({});
                setValues((v) => ({ ...v, password: "", code: "" }));
              }}
            >
              Use another account
            </Button>
          ) : null}
          <p className="text-sm">
            <Link href="/forgot-password" className="font-medium text-primary underline-offset-4 hover:underline">
              Forgot password?
            </Link>
          </p>
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
