"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { TransactionFilters as Filters } from "@/lib/queries";
import { filtersToSearch, hasFilters, parseTransactionFilters, TRANSACTIONS_PAGE_SIZE } from "./filters";
import { QuickAddForm } from "./quick-add-form";
import { TransactionFilters } from "./transaction-filters";
import { NoTransactions, TransactionList } from "./transaction-list";

/**
 * The transactions page: quick-add on top, then the filtered list. Filters live in the URL; changing
 * one rewrites it with history.replaceState, which Next's router picks up without a server round trip
 * (the list's own query fetches the new page from the API).
 */
export function TransactionsExplorer({ baseCurrency, today }: { baseCurrency: string; today: string }) {
  const params = useSearchParams();
  const filters = useMemo(() => parseTransactionFilters(new URLSearchParams(params.toString())), [params]);
  const setFilters = useCallback((next: Filters) => {
    window.history.replaceState(null, "", `${window.location.pathname}${filtersToSearch(next)}`);
  }, []);

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Quick add</CardTitle>
        </CardHeader>
        <CardContent>
          <QuickAddForm baseCurrency={baseCurrency} today={today} defaultStreamId={filters.stream} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>History</CardTitle>
        </CardHeader>
        <CardContent className="border-b border-border">
          <TransactionFilters filters={filters} onChange={setFilters} />
        </CardContent>
        <TransactionList
          filters={filters}
          limit={TRANSACTIONS_PAGE_SIZE}
          label="Transactions, newest first"
          empty={<NoTransactions filtered={hasFilters(filters)} />}
        />
      </Card>
    </div>
  );
}
