"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { requestErrors, zodErrors } from "@/lib/form-errors";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { formatDate, formatMinutes } from "@/lib/format";
import { timeEntriesQuery } from "@/lib/queries";
import { createTimeEntryInput, type TimeEntryView } from "@/lib/schemas/time-entries";
import { useDeleteTime, useLogTime, type TimeDraft } from "./use-time-mutations";

const WHOLE = /^\d+$/;

/**
 * The schema takes hours (decimal) or minutes (whole); the form offers both boxes, so "1" and "30"
 * become 90 minutes, and "1.5" alone is sent as hours.
 */
function durationOf(hours: string, minutes: string): { hours?: string; minutes?: number } {
  const h = hours.trim();
  const m = minutes.trim();
  if (m === "") return h === "" ? {} : { hours: h };
  if (h === "") return { minutes: Number(m) };
  if (WHOLE.test(h) && WHOLE.test(m)) return { minutes: Number(h) * 60 + Number(m) };
  return { minutes: Number.NaN };
}

export function TimePanel({ streamId, streamName, today }: { streamId: string; streamName: string; today: string }) {
  const { toast } = useToast();
  const ids = useId();
  const hoursRef = useRef<HTMLInputElement>(null);
  const entries = useInfiniteQuery(timeEntriesQuery(streamId));
  const log = useLogTime(streamId);
  const remove = useDeleteTime(streamId);
  const [values, setValues] = useState({ hours: "", minutes: "", occurredOn: today, note: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit() {
    const parsed = createTimeEntryInput.safeParse({ streamId, occurredOn: values.occurredOn, note: values.note, ...durationOf(values.hours, values.minutes) });
    if (!parsed.success) {
      const found = zodErrors(parsed.error);
      // Both boxes share one message: a duration is one answer.
      setErrors({ ...found, duration: found.hours ?? found.minutes ?? "" });
      return;
    }
    const draft: TimeDraft = parsed.data;
    const typed = values;
    setErrors({});
    setValues((v) => ({ ...v, hours: "", minutes: "", note: "" }));
    hoursRef.current?.focus();
    log.mutate(draft, {
      onError: (err) => {
        setValues(typed);
        const found = requestErrors(err, "Could not log the time. Try again.");
        setErrors({ ...found, duration: found.hours ?? found.minutes ?? "" });
      },
    });
  }

  function del(entry: TimeEntryView) {
    remove.mutate(entry, {
      onSuccess: (deleted) =>
        toast({
          title: `Deleted ${formatMinutes(deleted.minutes)} on ${formatDate(deleted.occurredOn)}`,
          action: {
            label: "Undo",
            onClick: () => log.mutate({ streamId, occurredOn: deleted.occurredOn, minutes: deleted.minutes, note: deleted.note }),
          },
        }),
      onError: () => toast({ title: "Could not delete the time entry", tone: "danger" }),
    });
  }

  const rows = entries.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Card>
      <CardHeader>
        <CardTitle>Hours</CardTitle>
        <CardDescription>Time you put into {streamName}; it turns net income into an hourly rate.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <form
          aria-label="Log time"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          className="grid grid-cols-2 gap-3 sm:grid-cols-4"
        >
          <fieldset className="col-span-2 flex min-w-0 flex-col gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">Time spent</legend>
            <div className="grid grid-cols-2 gap-2">
              <label className="flex items-center gap-2 text-sm text-muted-foreground">
                <Input ref={hoursRef} name="hours" aria-label="Hours" inputMode="decimal" autoComplete="off" placeholder="0" value={values.hours} onChange={set("hours")} aria-invalid={errors.duration ? true : undefined} aria-describedby={errors.duration ? `${ids}-duration` : undefined} className="money text-right" />
                <span aria-hidden="true">h</span>
              </label>
              <label className="flex items-center gap-2 text-sm text-muted-foreground">
                <Input name="minutes" aria-label="Minutes" inputMode="numeric" autoComplete="off" placeholder="0" value={values.minutes} onChange={set("minutes")} aria-invalid={errors.duration ? true : undefined} aria-describedby={errors.duration ? `${ids}-duration` : undefined} className="money text-right" />
                <span aria-hidden="true">min</span>
              </label>
            </div>
            {errors.duration ? (
              <p id={`${ids}-duration`} className="text-sm font-medium text-danger">
                {errors.duration}
              </p>
            ) : null}
          </fieldset>
          <Field label="Date" error={errors.occurredOn} className="col-span-2">
            <Input name="occurredOn" type="date" value={values.occurredOn} onChange={set("occurredOn")} />
          </Field>
          <Field label="Note" error={errors.note} className="col-span-2 sm:col-span-3">
            <Input name="note" autoComplete="off" value={values.note} onChange={set("note")} placeholder="What you worked on" />
          </Field>
          <div className="col-span-2 flex items-end sm:col-span-1">
            <Button type="submit" variant="secondary" className="w-full">
              Log time
            </Button>
          </div>
          {errors.form ? (
            <p role="alert" className="col-span-full text-sm font-medium text-danger">
              {errors.form}
            </p>
          ) : null}
        </form>

        {entries.isPending ? (
          <p role="status" className="text-sm text-muted-foreground">
            Loading the hours…
          </p>
        ) : entries.isError ? (
          <p role="alert" className="text-sm text-danger">
            Could not load the hours.
          </p>
        ) : rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">No time logged yet.</p>
        ) : (
          <ul aria-label="Logged time, newest first" className="divide-y divide-border rounded-lg border border-border">
            {rows.map((e) => (
              <li key={e.id} aria-busy={e.id.startsWith("optimistic-") || undefined} className="flex items-center gap-3 px-3 py-2 text-sm">
                <span className="money w-24 shrink-0 font-medium">{formatMinutes(e.minutes)}</span>
                <span className="min-w-0 flex-1">
                  <span className="block text-muted-foreground">{formatDate(e.occurredOn)}</span>
                  {e.note ? <span className="block truncate">{e.note}</span> : null}
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => del(e)}
                  disabled={e.id.startsWith("optimistic-")}
                  aria-label={`Delete ${formatMinutes(e.minutes)} on ${formatDate(e.occurredOn)}`}
                  className="text-danger! hover:bg-danger/10"
                >
                  Delete
                </Button>
              </li>
            ))}
          </ul>
        )}
        {entries.hasNextPage ? (
          <Button variant="secondary" size="sm" className="self-center" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
            Load more
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
