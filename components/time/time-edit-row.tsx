"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { zodErrors } from "@/lib/form-errors";
import { formatMinutes } from "@/lib/format";
import { updateTimeEntryInput, type TimeEntryView } from "@/lib/schemas/time-entries";
import type { TimePatch } from "./use-time-mutations";

export type TimeEditValues = { hours: string; occurredOn: string; note: string };

export type TimeEditRowProps = {
  entry: TimeEntryView;
  /** A save the server refused: the values tried and its errors, shown again for correction. */
  retry?: { values: TimeEditValues; errors: Record<string, string> };
  /** Called with a checked change; the panel applies it at once and closes the row. */
  onSave: (patch: TimePatch, values: TimeEditValues) => void;
  onCancel: () => void;
};

/**
 * A time entry turned into inputs: the time spent as one box that reads what people type ("1.5 h",
 * "1:30", "2 h 15 min", "90m"), the date and the note. Enter saves, Escape cancels; focus starts on the
 * time, the likeliest thing to correct. Checked by updateTimeEntryInput, the PATCH route's own schema.
 */
export function TimeEditRow({ entry, retry, onSave, onCancel }: TimeEditRowProps) {
  const hoursRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<TimeEditValues>(
    () => retry?.values ?? { hours: formatMinutes(entry.minutes), occurredOn: entry.occurredOn, note: entry.note ?? "" },
  );
  const [errors, setErrors] = useState<Record<string, string>>(retry?.errors ?? {});
  const set = (key: keyof TimeEditValues) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  useEffect(() => {
    hoursRef.current?.focus();
    hoursRef.current?.select();
  }, []);

  function save() {
    const parsed = updateTimeEntryInput.safeParse({ hours: values.hours, occurredOn: values.occurredOn, note: values.note });
    if (!parsed.success) return setErrors(zodErrors(parsed.error));
    const { minutes, occurredOn, note } = parsed.data;
    if (minutes === undefined || occurredOn === undefined) return;
    onSave({ minutes, occurredOn, note: note ?? null }, values);
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key !== "Escape") return;
    e.preventDefault();
    onCancel();
  }

  return (
    <form
      aria-label="Edit time entry"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      className="grid grid-cols-2 gap-3 bg-muted/40 px-3 py-3"
    >
      <Field label="Time spent" error={errors.hours ?? errors.minutes} className="col-span-1">
        <Input
          ref={hoursRef}
          name="hours"
          autoComplete="off"
          placeholder="1.5 h"
          value={values.hours}
          onChange={set("hours")}
          className="money"
        />
      </Field>
      <Field label="Date" error={errors.occurredOn} className="col-span-1">
        <Input name="occurredOn" type="date" value={values.occurredOn} onChange={set("occurredOn")} />
      </Field>
      <Field label="Note" error={errors.note} className="col-span-2">
        <Input name="note" autoComplete="off" value={values.note} onChange={set("note")} placeholder="What you worked on" />
      </Field>
      <div className="col-span-2 flex items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">Enter saves, Escape cancels.</p>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">Save</Button>
        </div>
      </div>
      {errors.form ? (
        <p role="alert" className="col-span-full text-sm font-medium text-danger">
          {errors.form}
        </p>
      ) : null}
    </form>
  );
}
