"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { streamsQuery, type TransactionFilters as Filters } from "@/lib/queries";
import { hasFilters } from "./filters";

export type TransactionFiltersProps = {
  filters: Filters;
  onChange: (next: Filters) => void;
};

/** Stream, kind, date range and text search; the search waits for a pause in typing before it asks the server. */
export function TransactionFilters({ filters, onChange }: TransactionFiltersProps) {
  const streams = useQuery(streamsQuery());
  const [q, setQ] = useState(filters.q ?? "");
  const [lastQ, setLastQ] = useState(filters.q);

  // The URL changed under us (Clear, back/forward): show its search text, unless it is what the box
  // already says (the box may hold a trailing space the URL never gets).
  if (filters.q !== lastQ) {
    setLastQ(filters.q);
    if ((filters.q ?? "") !== q.trim()) setQ(filters.q ?? "");
  }

  useEffect(() => {
    const next = q.trim() || undefined;
    if (next === filters.q) return;
    const timer = window.setTimeout(() => onChange({ ...filters, q: next }), 300);
    return () => window.clearTimeout(timer);
  }, [q, filters, onChange]);

  const set = (key: keyof Filters, value: string) => onChange({ ...filters, [key]: value || undefined });

  return (
    <form
      role="search"
      aria-label="Filter transactions"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...filters, q: q.trim() || undefined });
      }}
      className="grid grid-cols-2 gap-3 md:grid-cols-6 xl:grid-cols-12"
    >
      <Field label="Search" className="col-span-2 md:col-span-6 xl:col-span-3">
        <Input
          type="search"
          name="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Client, platform, note…"
          autoComplete="off"
        />
      </Field>
      <Field label="Stream" className="col-span-1 md:col-span-2 xl:col-span-3">
        <Select name="stream" value={filters.stream ?? ""} onChange={(e) => set("stream", e.target.value)}>
          <option value="">All streams</option>
          {streams.data?.data.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.status === "archived" ? " (archived)" : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Kind" className="col-span-1 md:col-span-2 xl:col-span-2">
        <Select name="kind" value={filters.kind ?? ""} onChange={(e) => set("kind", e.target.value)}>
          <option value="">All kinds</option>
          <option value="income">Income & refunds</option>
          <option value="expense">Expenses</option>
        </Select>
      </Field>
      <Field label="From" className="col-span-1 md:col-span-1 xl:col-span-2">
        <Input type="date" name="from" value={filters.from ?? ""} max={filters.to} onChange={(e) => set("from", e.target.value)} />
      </Field>
      <Field label="To" className="col-span-1 md:col-span-1 xl:col-span-2">
        <Input type="date" name="to" value={filters.to ?? ""} min={filters.from} onChange={(e) => set("to", e.target.value)} />
      </Field>
      {hasFilters(filters) ? (
        <div className="col-span-2 flex justify-end md:col-span-6 xl:col-span-12">
          <Button size="sm" variant="ghost" onClick={() => onChange({})}>
            Clear filters
          </Button>
        </div>
      ) : null}
    </form>
  );
}
