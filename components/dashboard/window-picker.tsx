"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Input } from "@/components/ui/input";
import { formatMonth, formatMonthRange } from "@/lib/format";
import { monthOf } from "@/lib/metrics/months";
import { useWindow } from "./use-window";

// The visible label starts the accessible name (so "click 3M" works for voice control); the rest is read out.
// Every preset is complete months: the month in progress would read as a crash in every figure.
const PRESETS = [
  { preset: "3m", label: "3M", name: "last 3 complete months" },
  { preset: "6m", label: "6M", name: "last 6 complete months" },
  { preset: "12m", label: "12M", name: "last 12 complete months" },
  { preset: "24m", label: "24M", name: "last 24 complete months" },
  { preset: "ytd", label: "YTD", name: "complete months of this year" },
  { preset: "all", label: "All", name: "every complete month since your first record" },
] as const;

/** The window shared by every dashboard: presets of complete months, or a custom range of months. */
export function WindowPicker() {
  const { window, setWindow, today } = useWindow();
  const current = monthOf(today);
  const inProgress = window.from <= current && current <= window.to;
  const [custom, setCustom] = useState(false);
  const [range, setRange] = useState({ from: window.from, to: window.to });
  const invalid = !range.from || !range.to || range.from > range.to;

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <div role="group" aria-label="Time window" className="inline-flex flex-wrap rounded-md border border-border bg-surface p-0.5">
        {PRESETS.map((p) => (
          <button
            key={p.preset}
            type="button"
            aria-pressed={window.preset === p.preset}
            title={p.name.charAt(0).toUpperCase() + p.name.slice(1)}
            onClick={() => {
              setCustom(false);
              setWindow({ preset: p.preset });
            }}
            className={cx(
              "h-8 rounded px-2 text-sm font-medium transition-colors sm:px-3",
              window.preset === p.preset
                ? "bg-primary text-primary-foreground"
                : "text-muted-foreground hover:bg-muted hover:text-foreground",
            )}
          >
            {p.label}
            <span className="sr-only"> — {p.name}</span>
          </button>
        ))}
        <button
          type="button"
          aria-expanded={custom}
          onClick={() => setCustom((c) => !c)}
          className={cx(
            "h-8 rounded px-2 text-sm font-medium transition-colors sm:px-3",
            window.preset === "custom"
              ? "bg-primary text-primary-foreground"
              : "text-muted-foreground hover:bg-muted hover:text-foreground",
          )}
        >
          Custom
        </button>
      </div>
      <p className="text-xs text-muted-foreground" aria-live="polite" data-testid="window-range">
        {formatMonthRange(window.from, window.to)}
        {inProgress ? (window.from === window.to ? " (in progress)" : ` (${formatMonth(current, { short: true })} in progress)`) : ""}
      </p>
      {custom ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid) setWindow(range);
          }}
        >
          <label className="flex flex-col gap-1 text-xs font-medium">
            From
            <Input
              type="month"
              value={range.from}
              max={range.to}
              onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
              className="w-40"
            />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium">
            To
            <Input
              type="month"
              value={range.to}
              min={range.from}
              onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))}
              className="w-40"
            />
          </label>
          <Button type="submit" size="sm" disabled={invalid} aria-describedby={invalid ? "window-range-problem" : undefined}>
            Apply
          </Button>
          {invalid ? (
            <p id="window-range-problem" className="w-full text-xs text-danger sm:text-right">
              {!range.from || !range.to ? "Choose both months." : "From is after To: choose a From month on or before the To month."}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
