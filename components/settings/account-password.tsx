"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { changePasswordAction } from "@/app/(app)/settings/account-actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { changePasswordInput } from "@/lib/schemas/account";
import { useAccountForm } from "./account-form";
import { FormError } from "./account-form-error";

const empty = { currentPassword: "", newPassword: "" };

/** Change password: this browser stays signed in, every other one is signed out; API tokens keep working. */
export function AccountPassword({ email }: { email: string }) {
  const router = useRouter();
  const { toast } = useToast();
  const [values, setValues] = useState(empty);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useAccountForm(formRef, changePasswordInput, values, changePasswordAction, (message) => {
    setValues(empty);
    toast({ title: "Password changed", description: message, tone: "success" });
    router.refresh();
  });
  const set = (key: keyof typeof empty) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <Card>
      <CardHeader>
        <CardTitle>Password</CardTitle>
        <CardDescription>
          Changing it signs out every other browser; this one stays signed in. API tokens keep working until you revoke them.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form ref={formRef} action={form.formAction} className="flex flex-col gap-4" noValidate aria-label="Change password">
          {/* For password managers: which account the new password belongs to. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Current password" error={form.errors.currentPassword} required>
              <Input
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                value={values.currentPassword}
                onChange={set("currentPassword")}
              />
            </Field>
            <Field label="New password" hint="At least 10 characters." error={form.errors.newPassword} required>
              <Input
                name="newPassword"
                type="password"
                autoComplete="new-password"
                value={values.newPassword}
                onChange={set("newPassword")}
              />
            </Field>
          </div>
          <FormError message={form.formError} />
          <div>
            <Button type="submit" loading={form.pending}>
              Change password
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
