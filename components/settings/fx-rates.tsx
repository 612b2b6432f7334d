"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { fxRatesQuery, unpricedQuery } from "@/lib/queries";
import type { FxRateView } from "@/lib/schemas/fx-rates";
import type { CurrencyChoice } from "./choices";
import { FxRateForm } from "./fx-rate-form";
import { FxRateImport } from "./fx-rate-import";
import { FxRateList } from "./fx-rate-list";
import { rateText } from "./rate-text";

function latestOf(rates: readonly FxRateView[]): FxRateView | undefined {
  return rates.reduce<FxRateView | undefined>((best, r) => (!best || r.date > best.date ? r : best), undefined);
}

export type FxRatesProps = { baseCurrency: string; currencies: CurrencyChoice[]; today: string };

export function FxRates({ baseCurrency, currencies, today }: FxRatesProps) {
  const rates = useQuery(fxRatesQuery());
  // Which currencies have no usable rate yet: their transactions are left out of every figure.
  const unpriced = useQuery(unpricedQuery(baseCurrency));
  const missing = unpriced.data?.data ?? [];
  const list = rates.data?.data ?? [];
  const latest = latestOf(list);
  const choices = currencies.filter((c) => c.code !== baseCurrency);
  const names = new Map(currencies.map((c) => [c.code, c.name]));
  const fallback = missing[0]?.currency ?? latest?.currency ?? (baseCurrency === "EUR" ? "USD" : "EUR");
  const [picked, setPicked] = useState<string | null>(null);
  // A base-currency change can make the picked currency the base itself, which takes no rate.
  const currency = picked && picked !== baseCurrency ? picked : fallback;
  const rateRef = useRef<HTMLInputElement>(null);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Exchange rates</CardTitle>
        <CardDescription>
          A rate says how many {baseCurrency} one unit of another currency was worth on a date
          {latest ? (
            <>
              , e.g. your latest:{" "}
              <span className="money font-medium text-foreground">
                1 {latest.currency} = {rateText(latest.rate)} {baseCurrency}
              </span>{" "}
              on {formatDate(latest.date)}
            </>
          ) : (
            baseCurrency === "USD" && <>, e.g. 1 EUR = 1.0825 USD</>
          )}
          . Each transaction uses the latest rate on or before its date, or the earliest after it when there is none before.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {missing.length > 0 ? (
          <div role="status" className="flex flex-col gap-2 rounded-lg border border-warning/30 bg-warning/10 px-4 py-3 text-sm">
            <p>
              <span className="font-semibold text-warning">Missing rates.</span> These transactions of the last 12 months are left out of
              your figures until their currency has a rate to {baseCurrency}:
            </p>
            <ul className="flex flex-wrap gap-2">
              {missing.map((m) => (
                <li key={m.currency}>
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => {
                      setPicked(m.currency);
                      rateRef.current?.focus();
                    }}
                  >
                    Add a {m.currency} rate ({m.count} transaction{m.count === 1 ? "" : "s"})
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <FxRateForm
          baseCurrency={baseCurrency}
          currencies={choices}
          today={today}
          currency={currency}
          onCurrencyChange={setPicked}
          rateRef={rateRef}
        />

        <details className="group rounded-lg border border-border">
          <summary className="cursor-pointer list-none rounded-lg px-4 py-3 text-sm font-medium select-none hover:bg-muted [&::-webkit-details-marker]:hidden">
            <span aria-hidden="true" className="mr-2 inline-block transition-transform group-open:rotate-90">
              ›
            </span>
            Import rates from a CSV file
          </summary>
          <div className="border-t border-border p-4">
            <FxRateImport baseCurrency={baseCurrency} />
          </div>
        </details>

        <div className="flex flex-col gap-3">
          <h3 className="text-sm font-semibold">Your rates to {baseCurrency}</h3>
          {rates.isPending ? (
            <p className="text-sm text-muted-foreground">Loading rates…</p>
          ) : rates.isError ? (
            <p role="alert" className="text-sm text-danger">
              Could not load your rates.
            </p>
          ) : (
            <FxRateList rates={list} baseCurrency={baseCurrency} names={names} />
          )}
        </div>
      </CardContent>
    </Card>
  );
}
