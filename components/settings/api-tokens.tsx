"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { requestErrors } from "@/lib/form-errors";
import { keys, settingsQuery, tokensQuery } from "@/lib/queries";
import type { TokenView } from "@/lib/schemas/tokens";
import { SecretShownOnce } from "./secret-once";

type Created = TokenView & { token: string };

export function ApiTokens() {
  const qc = useQueryClient();
  const { toast } = useToast();
  const tokens = useQuery(tokensQuery());
  // "Last used" in the user's own time zone, the same on the server and in the browser (hydrated settings).
  const timeZone = useQuery(settingsQuery()).data?.timeZone ?? "UTC";
  const [form, setForm] = useState({ name: "", scope: "write" as "read" | "write" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<TokenView | null>(null);

  const create = useMutation({
    mutationFn: (input: typeof form) => apiFetch<Created>("/api/v1/tokens", { method: "POST", json: input }),
    onSuccess: (token) => {
      setCreated(token);
      setForm({ name: "", scope: "write" });
      setErrors({});
      void qc.invalidateQueries({ queryKey: keys.tokens() });
    },
    // Field errors go next to their field; anything else (a 403, a network failure) under the form.
    onError: (err) => setErrors(requestErrors(err, "Could not create the token. Try again.")),
  });

  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch<TokenView>(`/api/v1/tokens/${id}`, { method: "DELETE" }),
    onSuccess: (token) => {
      setRevoking(null);
      toast({ title: `Revoked “${token.name}”`, tone: "success" });
      void qc.invalidateQueries({ queryKey: keys.tokens() });
    },
    // The dialog stays open so the user can try again.
    onError: (err) => toast({ title: "Could not revoke the token", description: err.message, tone: "danger" }),
  });

  const active = tokens.data?.data.filter((t) => !t.revokedAt) ?? [];
  const revoked = tokens.data?.data.filter((t) => t.revokedAt) ?? [];

  return (
    <Card>
      <CardHeader>
        <CardTitle>API tokens</CardTitle>
        <CardDescription>
          Let your scripts and automations log income with <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>. A
          read token can only read; a write token can also add and change data. Tokens cannot manage other tokens.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <form
          className="grid gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(form);
          }}
          noValidate
        >
          <Field label="Token name" error={errors.name} hint="Where it will be used, e.g. “Zapier” or “Stripe export script”.">
            <Input name="tokenName" value={form.name} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} />
          </Field>
          <Field label="Scope" error={errors.scope}>
            <Select name="scope" value={form.scope} onChange={(e) => setForm((f) => ({ ...f, scope: e.target.value as "read" | "write" }))}>
              <option value="write">Read and write</option>
              <option value="read">Read only</option>
            </Select>
          </Field>
          <Button type="submit" loading={create.isPending} className="sm:mb-7">
            Create token
          </Button>
          {errors.form ? (
            <p role="alert" className="text-sm font-medium text-danger sm:col-span-3">
              {errors.form}
            </p>
          ) : null}
        </form>

        {created ? (
          <SecretShownOnce
            message={`Your new token “${created.name}”. Copy it now: it is shown only this once.`}
            value={created.token}
            copyLabel="Copy token"
            testId="new-token"
            onDone={() => setCreated(null)}
          />
        ) : null}

        {tokens.isPending ? (
          <p className="text-sm text-muted-foreground">Loading tokens…</p>
        ) : tokens.isError ? (
          <p role="alert" className="text-sm text-danger">
            Could not load your tokens.
          </p>
        ) : active.length === 0 && revoked.length === 0 ? (
          <EmptyState title="No tokens yet" description="Create one above to connect an automation." />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Token</TableHead>
                <TableHead>Scope</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...active, ...revoked].map((t) => (
                <TableRow key={t.id}>
                  <TableCell className="font-medium">{t.name}</TableCell>
                  <TableCell className="font-mono text-xs">{t.prefix}…</TableCell>
                  <TableCell>
                    <Badge tone={t.scope === "write" ? "info" : "neutral"}>{t.scope}</Badge>
                  </TableCell>
                  <TableCell>{formatDateTime(t.lastUsedAt, timeZone)}</TableCell>
                  <TableCell className="text-right">
                    {t.revokedAt ? (
                      <Badge tone="danger">Revoked</Badge>
                    ) : (
                      <Button size="sm" variant="secondary" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        pending={revoke.isPending}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        description="Anything using this token stops working at once. This cannot be undone."
        confirmLabel="Revoke token"
      />
    </Card>
  );
}
