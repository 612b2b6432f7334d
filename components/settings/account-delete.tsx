"use client";

import { useRef, useState } from "react";
import { deleteAccountAction } from "@/app/(app)/settings/account-actions";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { deleteAccountInput } from "@/lib/schemas/account";
import { useAccountForm } from "./account-form";
import { FormError } from "./account-form-error";

/**
 * Deleting the account: the export offered first, then the password and the email typed out. On success
 * the browser leaves with a full navigation, so nothing of the account stays in this tab's memory.
 */
export function AccountDelete({ email }: { email: string }) {
  const [values, setValues] = useState({ password: "", confirm: "" });
  const formRef = useRef<HTMLFormElement>(null);
  const form = useAccountForm(formRef, deleteAccountInput, values, deleteAccountAction, () => window.location.assign("/?deleted=1"));
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <Card className="border-danger/40">
      <CardHeader>
        <CardTitle>Delete your account</CardTitle>
        <CardDescription>
          Deletes your account and everything in it at once: streams, transactions, hours, goals, rates, schedules, imports, tokens,
          webhooks and sessions. It cannot be undone.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        <div className="flex flex-col gap-2 rounded-lg border border-border bg-muted/40 p-3 text-sm sm:p-4">
          <p className="font-medium">Take your data with you first</p>
          <div className="flex flex-wrap gap-2">
            <a href="/api/v1/export?format=json" download className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Download backup
            </a>
            <a href="/api/v1/export?format=csv" download className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Download CSV
            </a>
          </div>
          <p className="text-muted-foreground">The backup restores into a new account on any Streamfolio server.</p>
        </div>
        <form ref={formRef} action={form.formAction} className="flex flex-col gap-4" noValidate aria-label="Delete account">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Password" hint="Your current password." error={form.errors.password} required>
              <Input name="password" type="password" autoComplete="current-password" value={values.password} onChange={set("password")} />
            </Field>
            <Field
              label="Type your email to confirm"
              hint={<span className="break-all">{email}</span>}
              error={form.errors.confirm}
              required
            >
              <Input
                name="confirm"
                type="text"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                value={values.confirm}
                onChange={set("confirm")}
              />
            </Field>
          </div>
          <FormError message={form.formError} />
          <div>
            <Button type="submit" variant="danger" loading={form.pending || form.succeeded}>
              Delete my account and data
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
