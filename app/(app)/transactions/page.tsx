import type { Metadata } from "next";
import { Hydrated } from "@/components/query/hydrated";
import { parseTransactionFilters, TRANSACTIONS_PAGE_SIZE } from "@/components/transactions/filters";
import { TransactionsExplorer } from "@/components/transactions/transactions-explorer";
import { PageHeader } from "@/components/ui/page-header";
import { readSuggestions, readTransactions } from "@/lib/api/transactions";
import { requireUser } from "@/lib/auth";
import { streamsEntry } from "@/lib/dashboard";
import { getUser } from "@/lib/data/users";
import { firstPage, suggestionsQuery, transactionsQuery } from "@/lib/queries";
import { todayIn } from "@/lib/today";

export const metadata: Metadata = { title: "Transactions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TransactionsPage({ searchParams }: Props) {
  const { id } = await requireUser();
  const filters = parseTransactionFilters(await searchParams);
  const [user, streams, page, suggestions] = await Promise.all([
    getUser(id),
    streamsEntry(id),
    readTransactions(id, { ...filters, limit: TRANSACTIONS_PAGE_SIZE }),
    readSuggestions(id),
  ]);
  return (
    <>
      <PageHeader title="Transactions" description="Log income, refunds and expenses, and find any entry again." />
      <Hydrated
        entries={[
          streams,
          [suggestionsQuery().queryKey, suggestions],
          [transactionsQuery(filters, TRANSACTIONS_PAGE_SIZE).queryKey, firstPage(page)],
        ]}
      >
        <TransactionsExplorer baseCurrency={user.baseCurrency} today={todayIn(user.timeZone)} />
      </Hydrated>
    </>
  );
}
