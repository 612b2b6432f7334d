"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api-client";
import { requestErrors, zodErrors } from "@/lib/form-errors";
import { formatDateTime } from "@/lib/format";
import { deliveriesQuery, settingsQuery, webhookKeys, webhooksQuery } from "@/lib/queries";
import {
  createWebhookInput,
  webhookEvent,
  type CreateWebhookInput,
  type DeliveryView,
  type WebhookEvent,
  type WebhookView,
} from "@/lib/schemas/webhooks";
import { SecretShownOnce } from "./secret-once";

const EVENT_LABELS: Record<WebhookEvent, string> = {
  "transaction.created": "A transaction is logged",
  "transaction.updated": "A transaction is changed",
  "transaction.deleted": "A transaction is deleted",
  "schedule.late": "An expected payment is late",
  "stream.silent": "A stream goes silent",
  "goal.reached": "A goal is reached",
  "rule.changed": "A resilience rule changes status",
};

const STATUS_TONE: Record<DeliveryView["status"], BadgeTone> = { pending: "info", succeeded: "success", failed: "danger" };

type Created = WebhookView & { secret: string };

/** Outgoing webhooks: register an endpoint (its secret shown once), see each delivery, send a test event. */
export function Webhooks() {
  const qc = useQueryClient();
  const { toast } = useToast();
  const hooks = useQuery(webhooksQuery());
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>(["transaction.created"]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Created | null>(null);
  const [deleting, setDeleting] = useState<WebhookView | null>(null);

  const create = useMutation({
    mutationFn: (input: CreateWebhookInput) => apiFetch<Created>("/api/v1/webhooks", { method: "POST", json: input }),
    onSuccess: (hook) => {
      setCreated(hook);
      setUrl("");
      setErrors({});
      void qc.invalidateQueries({ queryKey: webhookKeys.all() });
    },
    onError: (err) => setErrors(requestErrors(err, "Could not add the webhook. Try again.")),
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch<null>(`/api/v1/webhooks/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => {
      setDeleting(null);
      toast({ title: "Webhook deleted", tone: "success" });
      void qc.invalidateQueries({ queryKey: webhookKeys.all() });
    },
    onError: (err) => toast({ title: "Could not delete the webhook", description: err.message, tone: "danger" }),
  });

  const list = hooks.data?.data ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Webhooks</CardTitle>
        <CardDescription>
          Tell your automations (Zapier, Make, your own server) the moment something happens. Each delivery is a signed JSON POST (Standard
          Webhooks), retried with growing waits for about a day until your endpoint answers 2xx.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (create.isPending) return;
            const parsed = createWebhookInput.safeParse({ url, events });
            if (!parsed.success) return setErrors(zodErrors(parsed.error));
            create.mutate(parsed.data);
          }}
        >
          <Field label="Endpoint URL" error={errors.url} hint="A public http or https address.">
            <Input name="webhookUrl" type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} autoComplete="off" />
          </Field>
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">Events</legend>
            <div className="grid gap-x-4 gap-y-1.5 sm:grid-cols-2">
              {webhookEvent.options.map((ev) => (
                <label key={ev} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="events"
                    value={ev}
                    checked={events.includes(ev)}
                    onChange={(e) => setEvents((cur) => (e.target.checked ? [...cur, ev] : cur.filter((x) => x !== ev)))}
                    className="size-4 accent-primary"
                  />
                  {EVENT_LABELS[ev]} <span className="font-mono text-xs text-muted-foreground">{ev}</span>
                </label>
              ))}
            </div>
            {errors.events ? <p className="text-sm font-medium text-danger">{errors.events}</p> : null}
          </fieldset>
          <div>
            <Button type="submit" loading={create.isPending}>
              Add webhook
            </Button>
          </div>
          {errors.form ? (
            <p role="alert" className="text-sm font-medium text-danger">
              {errors.form}
            </p>
          ) : null}
        </form>

        {created ? (
          <SecretShownOnce
            message={`The signing secret of ${created.url}. Copy it into your receiver now: it is shown only this once.`}
            value={created.secret}
            copyLabel="Copy secret"
            testId="webhook-secret"
            onDone={() => setCreated(null)}
          />
        ) : null}

        {hooks.isError ? (
          <p role="alert" className="text-sm text-danger">
            Could not load your webhooks.
          </p>
        ) : list.length === 0 ? (
          hooks.isPending ? null : (
            <p className="text-sm text-muted-foreground">No webhooks yet.</p>
          )
        ) : (
          <ul className="flex flex-col gap-4" aria-label="Your webhooks">
            {list.map((h) => (
              <Endpoint key={h.id} hook={h} onDelete={() => setDeleting(h)} />
            ))}
          </ul>
        )}
      </CardContent>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete this webhook?"
        description={deleting ? `Nothing more is sent to ${deleting.url}, and its delivery log goes too.` : undefined}
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
      />
    </Card>
  );
}

function Endpoint({ hook, onDelete }: { hook: WebhookView; onDelete: () => void }) {
  const qc = useQueryClient();
  const { toast } = useToast();
  const log = useQuery(deliveriesQuery(hook.id));
  const timeZone = useQuery(settingsQuery()).data?.timeZone ?? "UTC";
  const test = useMutation({
    mutationFn: () => apiFetch<{ deliveryId: string }>(`/api/v1/webhooks/${encodeURIComponent(hook.id)}/test`, { method: "POST" }),
    onSuccess: () => {
      toast({ title: "Test event queued", description: "Its delivery shows below within a few seconds.", tone: "success" });
      void qc.invalidateQueries({ queryKey: webhookKeys.deliveries(hook.id) });
    },
    onError: (err) => toast({ title: "Could not send a test event", description: err.message, tone: "danger" }),
  });
  const deliveries = log.data?.data ?? [];
  return (
    <li className="flex flex-col gap-3 rounded-md border border-border p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-mono text-sm break-all">{hook.url}</p>
          <p className="text-sm text-muted-foreground">{hook.events.join(", ")}</p>
        </div>
        <div className="flex gap-1">
          <Button size="sm" variant="secondary" loading={test.isPending} onClick={() => test.mutate()}>
            Send a test event
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="text-danger! hover:bg-danger/10"
            onClick={onDelete}
            aria-label={`Delete the webhook to ${hook.url}`}
          >
            Delete
          </Button>
        </div>
      </div>
      {deliveries.length === 0 ? (
        <p className="text-sm text-muted-foreground">No deliveries yet.</p>
      ) : (
        <Table label={`Deliveries to ${hook.url}`}>
          <TableHeader>
            <TableRow>
              <TableHead>Event</TableHead>
              <TableHead>Status</TableHead>
              <TableHead numeric>Response</TableHead>
              <TableHead numeric>Time</TableHead>
              <TableHead>Last attempt</TableHead>
              <TableHead>Next retry</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {deliveries.map((d) => (
              <TableRow key={d.id}>
                <TableCell className="font-mono text-xs">{d.eventType}</TableCell>
                <TableCell>
                  <Badge tone={STATUS_TONE[d.status]} title={d.lastError ?? undefined}>
                    {d.status}
                    {d.attempts > 1 ? ` · ${d.attempts} tries` : ""}
                  </Badge>
                </TableCell>
                <TableCell numeric>{d.responseStatus ?? (d.lastError ? "—" : "")}</TableCell>
                <TableCell numeric>{d.durationMs !== null ? `${d.durationMs} ms` : ""}</TableCell>
                <TableCell>{formatDateTime(d.lastAttemptAt, timeZone)}</TableCell>
                <TableCell>{d.status === "pending" && d.attempts > 0 ? formatDateTime(d.nextAttemptAt, timeZone) : ""}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </li>
  );
}
