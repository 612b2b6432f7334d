"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { changeEmailAction } from "@/app/(app)/settings/account-actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { changeEmailInput } from "@/lib/schemas/account";
import { useAccountForm } from "./account-form";
import { FormError } from "./account-form-error";

const empty = { email: "", password: "" };

/** Change the sign-in email: the password confirms it is the owner; the old address is told when mail is set up. */
export function AccountEmail({ email, mailConfigured }: { email: string; mailConfigured: boolean }) {
  const router = useRouter();
  const { toast } = useToast();
  const [values, setValues] = useState(empty);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useAccountForm(formRef, changeEmailInput, values, changeEmailAction, (message) => {
    setValues(empty);
    toast({ title: "Email changed", description: message, tone: "success" });
    router.refresh();
  });
  const set = (key: keyof typeof empty) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <Card>
      <CardHeader>
        <CardTitle>Email</CardTitle>
        <CardDescription>
          You sign in with <strong className="font-medium break-all text-foreground">{email}</strong>.
          {mailConfigured ? " When you change it, we tell this address." : null}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form ref={formRef} action={form.formAction} className="flex flex-col gap-4" noValidate aria-label="Change email">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="New email" error={form.errors.email} required>
              <Input name="email" type="email" autoComplete="email" value={values.email} onChange={set("email")} />
            </Field>
            <Field label="Password" hint="Your current password." error={form.errors.password} required>
              <Input name="password" type="password" autoComplete="current-password" value={values.password} onChange={set("password")} />
            </Field>
          </div>
          <FormError message={form.formError} />
          <div>
            <Button type="submit" loading={form.pending}>
              Change email
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
