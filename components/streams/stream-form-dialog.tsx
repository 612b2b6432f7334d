"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { streamsQuery } from "@/lib/queries";
import { fractionFromPercent, percentFromFraction } from "@/lib/tax-rate";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { requestErrors, zodErrors } from "@/lib/form-errors";
import {
  createStreamInput,
  STREAM_KIND_LABELS,
  streamKind,
  streamRole,
  streamStatus,
  updateStreamInput,
  type StreamView,
} from "@/lib/schemas/streams";
import { STREAM_COLOR_NAMES, STREAM_COLORS } from "@/lib/stream-colors";
import { ROLE_HINTS, ROLE_LABELS, STATUS_LABELS } from "./stream-labels";
import { useCreateStream, useUpdateStream } from "./use-stream-mutations";
import { useFocusFirstInvalid } from "@/components/ui/focus";

type Values = {
  name: string;
  kind: StreamView["kind"];
  role: StreamView["role"];
  platform: string;
  status: StreamView["status"];
  startedOn: string;
  color: string;
  description: string;
  /** A percentage as typed; empty: the default rate in Settings. */
  taxRate: string;
  /** The streams this one feeds. */
  feeds: string[];
};

const blank: Values = {
  name: "",
  kind: "freelance",
  role: "growth",
  platform: "",
  status: "active",
  startedOn: "",
  color: "",
  description: "",
  taxRate: "",
  feeds: [],
};

function valuesOf(stream: StreamView | null): Values {
  if (!stream) return blank;
  return {
    name: stream.name,
    kind: stream.kind,
    role: stream.role,
    platform: stream.platform ?? "",
    status: stream.status,
    startedOn: stream.startedOn ?? "",
    color: stream.color ?? "",
    description: stream.description ?? "",
    taxRate: percentFromFraction(stream.taxRate),
    feeds: stream.feeds,
  };
}

/** Empty optional fields mean "none": the schemas take null for them. */
function rawInput(v: Values) {
  // A percentage that is not one goes on as typed, so the schema refuses it under its own field.
  const rate = fractionFromPercent(v.taxRate);
  return { ...v, startedOn: v.startedOn || null, color: v.color || null, taxRate: rate === undefined ? v.taxRate : rate };
}

export type StreamFormDialogProps = {
  open: boolean;
  onClose: () => void;
  /** null: create a new stream. */
  stream: StreamView | null;
  onSaved?: (stream: StreamView) => void;
};

export function StreamFormDialog({ open, onClose, stream, onSaved }: StreamFormDialogProps) {
  const formId = useId();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={stream ? `Edit “${stream.name}”` : "Add a stream"}
      description={stream ? undefined : "A business line you earn from: a client retainer, a channel, a shop, a product."}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId}>
            {stream ? "Save changes" : "Add stream"}
          </Button>
        </>
      }
    >
      {/* Mounted per opening (Dialog renders children only while open), so the form starts fresh. */}
      <StreamForm id={formId} stream={stream} onDone={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function StreamForm({
  id,
  stream,
  onDone,
  onSaved,
}: {
  id: string;
  stream: StreamView | null;
  onDone: () => void;
  onSaved?: (s: StreamView) => void;
}) {
  const { toast } = useToast();
  const [values, setValues] = useState<Values>(() => valuesOf(stream));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateStream();
  const update = useUpdateStream();
  const pending = create.isPending || update.isPending;

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  useFocusFirstInvalid(formRef, errors);

  async function submit() {
    const raw = rawInput(values);
    let saving: Promise<StreamView>;
    if (stream) {
      const parsed = updateStreamInput.safeParse(raw);
      if (!parsed.success) return setErrors(zodErrors(parsed.error));
      saving = update.mutateAsync({ id: stream.id, patch: parsed.data });
    } else {
      const parsed = createStreamInput.safeParse(raw);
      if (!parsed.success) return setErrors(zodErrors(parsed.error));
      saving = create.mutateAsync(parsed.data);
    }
    setErrors({});
    try {
      const saved = await saving;
      toast({ title: stream ? `Saved “${saved.name}”` : `Added “${saved.name}”`, tone: "success" });
      onSaved?.(saved);
      onDone();
    } catch (err) {
      setErrors(requestErrors(err, "Could not save the stream. Try again."));
    }
  }

  return (
    <form
      ref={formRef}
      id={id}
      noValidate
      aria-busy={pending || undefined}
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) void submit();
      }}
    >
      <Field label="Name" error={errors.name} required className="sm:col-span-2">
        <Input
          name="name"
          value={values.name}
          onChange={(e) => set("name")(e.target.value)}
          autoComplete="off"
          data-autofocus
          maxLength={80}
        />
      </Field>
      <Field label="Kind" error={errors.kind}>
        <Select name="kind" value={values.kind} onChange={(e) => set("kind")(e.target.value as Values["kind"])}>
          {streamKind.options.map((k) => (
            <option key={k} value={k}>
              {STREAM_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Role" error={errors.role} hint={ROLE_HINTS[values.role]}>
        <Select name="role" value={values.role} onChange={(e) => set("role")(e.target.value as Values["role"])}>
          {streamRole.options.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Platform" error={errors.platform} hint="Where the money comes through, e.g. YouTube, Etsy, Stripe.">
        <Input name="platform" value={values.platform} onChange={(e) => set("platform")(e.target.value)} maxLength={80} />
      </Field>
      <Field label="Status" error={errors.status}>
        <Select name="status" value={values.status} onChange={(e) => set("status")(e.target.value as Values["status"])}>
          {streamStatus.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Started on" error={errors.startedOn}>
        <Input name="startedOn" type="date" value={values.startedOn} onChange={(e) => set("startedOn")(e.target.value)} />
      </Field>
      <ColorPicker value={values.color} onChange={set("color")} error={errors.color} />
      <Field
        label="Tax set-aside (%)"
        error={errors.taxRate ? "A percentage from 0 to 100 with at most 2 decimals, like 25 or 7.5." : undefined}
        hint="Empty: your default rate in Settings."
      >
        <Input
          name="taxRate"
          inputMode="decimal"
          autoComplete="off"
          value={values.taxRate}
          onChange={(e) => set("taxRate")(e.target.value)}
        />
      </Field>
      <FeedsPicker streamId={stream?.id ?? null} value={values.feeds} onChange={set("feeds")} error={errors.feeds ?? errors["feeds.0"]} />
      <Field label="Description" error={errors.description} className="sm:col-span-2">
        <Textarea
          name="description"
          value={values.description}
          onChange={(e) => set("description")(e.target.value)}
          rows={2}
          maxLength={1000}
        />
      </Field>
      {errors.form ? (
        <p role="alert" className="text-sm font-medium text-danger sm:col-span-2">
          {errors.form}
        </p>
      ) : null}
    </form>
  );
}

/**
 * Which other streams this one feeds ("the YouTube channel brings consulting clients"), as checkboxes:
 * the Diversification page draws these links, since a feeder's loss threatens what it feeds.
 */
function FeedsPicker({
  streamId,
  value,
  onChange,
  error,
}: {
  streamId: string | null;
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
}) {
  const streams = useQuery(streamsQuery());
  const others = (streams.data?.data ?? []).filter((s) => s.id !== streamId && !s.id.startsWith("optimistic-") && s.status !== "archived");
  if (others.length === 0) return null;
  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5 sm:col-span-2">
      <legend className="mb-1.5 text-sm font-medium text-foreground">Feeds</legend>
      <p className="text-sm text-muted-foreground">Streams this one brings clients, audience or material to.</p>
      <div className="flex flex-wrap gap-x-4 gap-y-1.5">
        {others.map((s) => (
          <label key={s.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="feeds"
              value={s.id}
              checked={value.includes(s.id)}
              onChange={(e) => onChange(e.target.checked ? [...value, s.id] : value.filter((id) => id !== s.id))}
              className="size-4 accent-primary"
            />
            {s.name}
          </label>
        ))}
      </div>
      {error ? <p className="text-sm font-medium text-danger">{error}</p> : null}
    </fieldset>
  );
}

/** Preset swatches as a radio group (arrow keys move between them), plus the browser's picker for any other colour. */
function ColorPicker({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const name = useId();
  const errorId = useId();
  const custom = value !== "" && !(STREAM_COLORS as readonly string[]).includes(value);
  const swatch =
    "relative flex size-8 cursor-pointer items-center justify-center rounded-full border border-border has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring";
  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1.5 text-sm font-medium text-foreground">Colour</legend>
      <div className="flex flex-wrap items-center gap-2">
        <label className={cx(swatch, "bg-surface text-xs text-muted-foreground")} title="Automatic">
          <input type="radio" name={name} value="" checked={value === ""} onChange={() => onChange("")} className="peer sr-only" />
          <span aria-hidden="true">A</span>
          <span className="sr-only">Automatic</span>
          <Ring />
        </label>
        {STREAM_COLORS.map((c) => (
          <label key={c} className={swatch} style={{ backgroundColor: c }} title={STREAM_COLOR_NAMES[c]}>
            <input type="radio" name={name} value={c} checked={value === c} onChange={() => onChange(c)} className="peer sr-only" />
            <span className="sr-only">{STREAM_COLOR_NAMES[c]}</span>
            <Ring />
          </label>
        ))}
        <label className="flex items-center gap-2 text-sm text-muted-foreground">
          <input
            type="color"
            value={custom ? value : "#6b7280"}
            onChange={(e) => onChange(e.target.value)}
            className={cx(
              "size-8 cursor-pointer rounded border border-border bg-surface p-0.5",
              custom && "outline-2 outline-offset-2 outline-foreground",
            )}
          />
          Custom
        </label>
      </div>
      <p className="text-sm text-muted-foreground">Automatic picks a colour none of your streams uses. It stays with the stream.</p>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The checked swatch's ring, drawn by CSS from the radio's state so it never disagrees with it. */
function Ring() {
  return (
    <span
      aria-hidden="true"
      className="pointer-events-none absolute -inset-1 rounded-full border-2 border-transparent peer-checked:border-foreground"
    />
  );
}
