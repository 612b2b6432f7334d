"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { requestErrors, zodErrors } from "@/lib/form-errors";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { formatDate, formatMinutes } from "@/lib/format";
import { timeEntriesQuery } from "@/lib/queries";
import { createTimeEntryInput, type TimeEntryView } from "@/lib/schemas/time-entries";
import { durationOf } from "./duration";
import { TimeEditRow, type TimeEditValues } from "./time-edit-row";
import { useDeleteTime, useLogTime, useUpdateTime, type TimeDraft } from "./use-time-mutations";

type Editing = { id: string; retry?: { values: TimeEditValues; errors: Record<string, string> } };

export function TimePanel({ streamId, streamName, today }: { streamId: string; streamName: string; today: string }) {
  const { toast } = useToast();
  const ids = useId();
  const hoursRef = useRef<HTMLInputElement>(null);
  const entries = useInfiniteQuery(timeEntriesQuery(streamId));
  const log = useLogTime();
  const update = useUpdateTime(streamId);
  const remove = useDeleteTime(streamId);
  const [values, setValues] = useState({ hours: "", minutes: "", occurredOn: today, note: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<Editing | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  // The row whose Edit button gets focus back once its editor has closed.
  const focusTarget = useRef<string | null>(null);
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

  useEffect(() => {
    if (focusTarget.current === null) return;
    editButtons.current.get(focusTarget.current)?.focus();
    focusTarget.current = null;
  });

  function submit() {
    const parsed = createTimeEntryInput.safeParse({
      streamId,
      occurredOn: values.occurredOn,
      note: values.note,
      ...durationOf(values.hours, values.minutes),
    });
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

  function closeEditor(id: string) {
    focusTarget.current = id;
    setEditing(null);
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
                <Input
                  ref={hoursRef}
                  name="hours"
                  aria-label="Hours"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="0"
                  value={values.hours}
                  onChange={set("hours")}
                  aria-invalid={errors.duration ? true : undefined}
                  aria-describedby={errors.duration ? `${ids}-duration` : undefined}
                  className="money text-right"
                />
                <span aria-hidden="true">h</span>
              </label>
              <label className="flex items-center gap-2 text-sm text-muted-foreground">
                <Input
                  name="minutes"
                  aria-label="Minutes"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder="0"
                  value={values.minutes}
                  onChange={set("minutes")}
                  aria-invalid={errors.duration ? true : undefined}
                  aria-describedby={errors.duration ? `${ids}-duration` : undefined}
                  className="money text-right"
                />
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
          <ul aria-label="Logged time, newest first" className="@container divide-y divide-border rounded-lg border border-border">
            {rows.map((e) => {
              const pending = e.id.startsWith("optimistic-");
              const what = `${formatMinutes(e.minutes)} on ${formatDate(e.occurredOn)}`;
              if (editing?.id === e.id) {
                return (
                  <li key={e.id}>
                    <TimeEditRow
                      entry={e}
                      retry={editing.retry}
                      onCancel={() => closeEditor(e.id)}
                      onSave={(patch, typed) => {
                        closeEditor(e.id);
                        update.mutate(
                          { before: e, patch },
                          {
                            onError: (err) => {
                              setEditing({
                                id: e.id,
                                retry: { values: typed, errors: requestErrors(err, "Could not save the change. Try again.") },
                              });
                              toast({
                                title: "The change was not saved",
                                description: "The entry is open again with what you typed.",
                                tone: "danger",
                              });
                            },
                          },
                        );
                      }}
                    />
                  </li>
                );
              }
              return (
                // Narrow (a phone, or the stream page's side column): time and actions on top, day and
                // note below. In a container of 24rem or more: one line.
                <li
                  key={e.id}
                  data-testid="time-entry"
                  aria-busy={pending || undefined}
                  className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 px-3 py-2 text-sm [grid-template-areas:'time_actions'_'info_info'] @sm:grid-cols-[6rem_minmax(0,1fr)_auto] @sm:[grid-template-areas:'time_info_actions']"
                >
                  <span className="money font-medium [grid-area:time]">{formatMinutes(e.minutes)}</span>
                  <span className="min-w-0 [grid-area:info]">
                    <span className="block text-muted-foreground">{formatDate(e.occurredOn)}</span>
                    {e.note ? <span className="block truncate">{e.note}</span> : null}
                  </span>
                  <span className="-my-1 flex justify-end gap-1 [grid-area:actions] @sm:my-0">
                    <Button
                      ref={(el) => {
                        if (el) editButtons.current.set(e.id, el);
                        else editButtons.current.delete(e.id);
                      }}
                      size="sm"
                      variant="ghost"
                      onClick={() => setEditing({ id: e.id })}
                      disabled={pending}
                      aria-label={`Edit ${what}`}
                    >
                      Edit
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => del(e)}
                      disabled={pending}
                      aria-label={`Delete ${what}`}
                      className="text-danger! hover:bg-danger/10"
                    >
                      Delete
                    </Button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {entries.hasNextPage ? (
          <Button
            variant="secondary"
            size="sm"
            className="self-center"
            onClick={() => void entries.fetchNextPage()}
            loading={entries.isFetchingNextPage}
          >
            Load more
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
