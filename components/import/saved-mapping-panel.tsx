"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api-client";
import { requestErrors, type FormErrors } from "@/lib/form-errors";
import { importKeys } from "@/lib/queries";
import { DATE_FORMATS } from "./column-mapper";
import type { ColumnMapping, SavedMapping } from "./types";

const FIELD_LABELS: Record<keyof ColumnMapping["columns"], string> = {
  date: "Date",
  amount: "Amount",
  debit: "Debit",
  credit: "Credit",
  fee: "Fee",
  kind: "Kind",
  currency: "Currency",
  stream: "Stream",
  counterparty: "Counterparty",
  platform: "Platform",
  description: "Description",
  externalId: "External id",
};

/** "Save as my preset": the mapping under a name, offered in the format list from then on. */
export function SaveMappingForm({
  mapping,
  valid,
  onSaved,
}: {
  mapping: ColumnMapping;
  valid: boolean;
  onSaved: (m: SavedMapping) => void;
}) {
  const qc = useQueryClient();
  const { toast } = useToast();
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: (input: { name: string; mapping: ColumnMapping }) =>
      apiFetch<SavedMapping>("/api/v1/imports/mappings", { method: "POST", json: input }),
    onSuccess: async (saved) => {
      setName("");
      setErrors({});
      toast({ title: `Saved “${saved.name}” as your preset`, tone: "success" });
      await qc.invalidateQueries({ queryKey: importKeys.presets() });
      onSaved(saved);
    },
    onError: (err) => setErrors(requestErrors(err, "Could not save the preset. Try again.")),
  });
  return (
    <form
      aria-label="Save as my preset"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return setErrors({ name: "Give the preset a name." });
        if (!valid) return setErrors({ form: "Choose the date and amount columns first." });
        save.mutate({ name: name.trim(), mapping });
      }}
      className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start"
    >
      <Field
        label="Save these columns as my preset"
        hint="A name to pick them by from the format list next time, instead of mapping again."
        error={errors.name}
      >
        <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder="e.g. My bank" />
      </Field>
      <Button type="submit" variant="secondary" loading={save.isPending} className="sm:mt-7">
        Save preset
      </Button>
      {errors.form || errors.mapping ? (
        <p role="alert" className="text-sm font-medium text-danger sm:col-span-2">
          {errors.form ?? errors.mapping}
        </p>
      ) : null}
    </form>
  );
}

/** A saved mapping: which columns it reads, with a way to change it (as a new mapping) or delete it. */
export function SavedMappingPanel({ mapping, onEdit, onDeleted }: { mapping: SavedMapping; onEdit: () => void; onDeleted: () => void }) {
  const qc = useQueryClient();
  const { toast } = useToast();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiFetch<unknown>(`/api/v1/imports/mappings/${encodeURIComponent(mapping.id)}`, { method: "DELETE" }),
    onSuccess: async () => {
      setConfirming(false);
      toast({ title: `Deleted the preset “${mapping.name}”`, tone: "success" });
      onDeleted();
      await qc.invalidateQueries({ queryKey: importKeys.presets() });
    },
    onError: () => toast({ title: "Could not delete the preset", description: "Try again in a moment.", tone: "danger" }),
  });
  const m = mapping.mapping;
  const columns = (Object.entries(m.columns) as [keyof ColumnMapping["columns"], string | undefined][]).filter(([, v]) => v);
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-border bg-muted/40 p-3 text-sm sm:p-4">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
        {columns.map(([field, column]) => (
          <div key={field} className="contents">
            <dt className="text-muted-foreground">{FIELD_LABELS[field]}</dt>
            <dd className="truncate font-medium">{column}</dd>
          </div>
        ))}
        <dt className="text-muted-foreground">Dates</dt>
        <dd>{DATE_FORMATS.find((f) => f.value === m.dateFormat)?.label ?? m.dateFormat}</dd>
        <dt className="text-muted-foreground">Decimals</dt>
        <dd>{m.decimal === "," ? "Comma: 1.234,56" : "Point: 1,234.56"}</dd>
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onClick={onEdit}>
          Change the columns
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} className="text-danger! hover:bg-danger/10">
          Delete this preset
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate()}
        pending={remove.isPending}
        title={`Delete the preset “${mapping.name}”?`}
        description="Transactions imported with it stay. You can map the columns again at any time."
        confirmLabel="Delete preset"
      />
    </div>
  );
}
