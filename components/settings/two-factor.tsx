"use client";

import { useState } from "react";
import { confirmTwoFactor, disableTwoFactor, startTwoFactor, type TwoFactorStatus } from "@/app/(app)/settings/two-factor-actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Step = { kind: "idle" } | { kind: "enrolling"; qr: string; key: string } | { kind: "codes"; codes: string[] } | { kind: "disabling" };

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/**
 * Two-factor sign-in: set up with an authenticator app (QR code drawn on the server, or the key typed
 * by hand), confirmed with a code before it is in force; ten recovery codes shown once; turned off with
 * the password or a code.
 */
export function TwoFactor({ initial }: { initial: TwoFactorStatus }) {
  const [status, setStatus] = useState(initial);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run<T extends { ok: boolean }>(action: () => Promise<T>, then: (result: Extract<T, { ok: true }>) => void) {
    setPending(true);
    setError(null);
    try {
      const result = await action();
      if (result.ok) then(result as Extract<T, { ok: true }>);
      else setError((result as unknown as { error: string }).error);
    } catch {
      setError("Something went wrong. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  const reset = () => {
    setStep({ kind: "idle" });
    setValue("");
    setError(null);
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Two-factor sign-in</CardTitle>
        <CardDescription>
          {status.enabled
            ? `On since ${status.enabledAt ? dateFormat.format(new Date(status.enabledAt)) : "today"}. Signing in asks for a code from your authenticator app. ${status.recoveryCodesLeft} recovery ${status.recoveryCodesLeft === 1 ? "code" : "codes"} left.`
            : "Off. Add a code from an authenticator app (1Password, Google Authenticator, Authy…) to your password when you sign in. API tokens are not affected."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {error && (step.kind === "idle" || step.kind === "codes") ? (
          <p role="alert" className="text-sm font-medium text-danger">
            {error}
          </p>
        ) : null}
        {step.kind === "idle" && !status.enabled ? (
          <div>
            <Button
              variant="secondary"
              loading={pending}
              onClick={() => run(startTwoFactor, (r) => setStep({ kind: "enrolling", qr: r.qr, key: r.key }))}
            >
              Set up two-factor sign-in
            </Button>
          </div>
        ) : null}

        {step.kind === "enrolling" ? (
          <form
            className="flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                () => confirmTwoFactor(value),
                (r) => {
                  setStatus(r.status);
                  setValue("");
                  setStep({ kind: "codes", codes: r.recoveryCodes });
                },
              );
            }}
          >
            <p className="text-sm">1. Scan this QR code with your authenticator app.</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- an SVG data URL drawn on the server; nothing to optimise */}
            <img
              src={step.qr}
              alt="QR code to add Streamfolio to your authenticator app"
              width={180}
              height={180}
              className="rounded-md bg-white"
            />
            <p className="text-sm text-muted-foreground">
              Cannot scan it? Enter this key in the app instead:{" "}
              <code data-testid="totp-key" className="font-mono text-foreground break-all">
                {step.key}
              </code>
            </p>
            <Field label="2. Enter the 6-digit code the app shows" error={error} required>
              <Input
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                value={value}
                onChange={(e) => setValue(e.target.value)}
              />
            </Field>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" loading={pending}>
                Turn on
              </Button>
              <Button variant="ghost" onClick={reset}>
                Cancel
              </Button>
            </div>
          </form>
        ) : null}

        {step.kind === "codes" ? (
          <div className="flex flex-col gap-3" role="status">
            <p className="text-sm font-medium">Two-factor sign-in is on. Save these recovery codes now: they are shown only this once.</p>
            <p className="text-sm text-muted-foreground">
              Each works once in place of a code, if you lose your phone. Keep them somewhere safe, apart from your password.
            </p>
            <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-1 rounded-md bg-muted p-3 font-mono text-sm sm:grid-cols-5">
              {step.codes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            <div className="flex flex-wrap gap-2">
              <CopyButton value={step.codes.join("\n")} label="Copy codes" variant="secondary" />
              <Button onClick={reset}>I have saved them</Button>
            </div>
          </div>
        ) : null}

        {status.enabled && step.kind === "idle" ? (
          <div>
            <Button variant="secondary" onClick={() => setStep({ kind: "disabling" })}>
              Turn off two-factor sign-in
            </Button>
          </div>
        ) : null}

        {step.kind === "disabling" ? (
          <form
            className="flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                () => disableTwoFactor(value),
                (r) => {
                  setStatus(r.status);
                  reset();
                },
              );
            }}
          >
            <Field label="Your password, or a code from your app" error={error} required>
              <Input
                name="proof"
                type="password"
                autoComplete="current-password"
                value={value}
                onChange={(e) => setValue(e.target.value)}
              />
            </Field>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="danger" loading={pending}>
                Turn off
              </Button>
              <Button variant="ghost" onClick={reset}>
                Cancel
              </Button>
            </div>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
