"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { FxRateView } from "@/lib/schemas/fx-rates";
import { rateText } from "./rate-text";

/** Rows shown per currency before "Show all": a year of daily rates would otherwise bury the others. */
const PREVIEW = 5;

/** The API lists rates by currency, then date ascending; the page wants each currency's latest first. */
export function groupRates(rates: readonly FxRateView[]): { currency: string; rates: FxRateView[] }[] {
  const groups = new Map<string, FxRateView[]>();
  for (const r of rates) {
    const list = groups.get(r.currency);
    if (list) list.push(r);
    else groups.set(r.currency, [r]);
  }
  return [...groups].map(([currency, list]) => ({
    currency,
    rates: list.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
  }));
}

function CurrencyRates({
  currency,
  rates,
  baseCurrency,
  name,
}: {
  currency: string;
  rates: FxRateView[];
  baseCurrency: string;
  name: string;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? rates : rates.slice(0, PREVIEW);
  const headingId = `rates-${currency}`;
  return (
    <div role="group" aria-labelledby={headingId} className="flex min-w-0 flex-col gap-2 rounded-lg border border-border p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        {/* h4: inside the card's "Your rates to …" h3. */}
        <h4 id={headingId} className="text-sm font-semibold">
          {currency} <span className="font-normal text-muted-foreground">{name}</span>
        </h4>
        <p className="text-xs text-muted-foreground">
          {rates.length} rate{rates.length === 1 ? "" : "s"}
        </p>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Date</TableHead>
            <TableHead numeric>
              {baseCurrency} per 1 {currency}
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((r) => (
            <TableRow key={r.id}>
              <TableCell>
                {formatDate(r.date)}
                {r.source === "ecb" ? <span className="ml-2 text-xs text-muted-foreground">ECB</span> : null}
              </TableCell>
              <TableCell numeric>{rateText(r.rate)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rates.length > PREVIEW ? (
        <Button variant="ghost" size="sm" className="self-start" aria-expanded={all} onClick={() => setAll((v) => !v)}>
          {all ? `Show the latest ${PREVIEW}` : `Show all ${rates.length} ${currency} rates`}
        </Button>
      ) : null}
    </div>
  );
}

export function FxRateList({
  rates,
  baseCurrency,
  names,
}: {
  rates: readonly FxRateView[];
  baseCurrency: string;
  names: ReadonlyMap<string, string>;
}) {
  if (rates.length === 0) {
    return (
      <EmptyState
        title="No exchange rates yet"
        description={`Add one above or import a CSV. Until a currency has a rate, its transactions are left out of your ${baseCurrency} figures.`}
      />
    );
  }
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {groupRates(rates).map((g) => (
        <CurrencyRates
          key={g.currency}
          currency={g.currency}
          rates={g.rates}
          baseCurrency={baseCurrency}
          name={names.get(g.currency) ?? ""}
        />
      ))}
    </div>
  );
}
