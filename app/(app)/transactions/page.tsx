import type { Metadata } from "next";
import { Hydrated } from "@/components/query/hydrated";
import { parseTransactionFilters, TRANSACTIONS_PAGE_SIZE } from "@/components/transactions/filters";
import { TransactionsExplorer } from "@/components/transactions/transactions-explorer";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { listStreams } from "@/lib/data/streams";
import { listTransactions, transactionSuggestions } from "@/lib/data/transactions";
import { getUser } from "@/lib/data/users";
import { firstPage, streamsQuery, suggestionsQuery, transactionsQuery } from "@/lib/queries";
import { streamResponse } from "@/lib/schemas/streams";
import { suggestionsResponse, transactionResponse } from "@/lib/schemas/transactions";
import { todayIn } from "@/lib/today";

export const metadata: Metadata = { title: "Transactions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TransactionsPage({ searchParams }: Props) {
  const { id } = await requireUser();
  const filters = parseTransactionFilters(await searchParams);
  const [user, streams, page, suggestions] = await Promise.all([
    getUser(id),
    listStreams(id),
    listTransactions(id, { ...filters, limit: TRANSACTIONS_PAGE_SIZE }),
    transactionSuggestions(id),
  ]);
  return (
    <>
      <PageHeader title="Transactions" description="Log income, refunds and expenses, and find any entry again." />
      <Hydrated
        entries={[
          [streamsQuery().queryKey, { data: streams.map((s) => streamResponse.parse(s)), nextCursor: null }],
          [suggestionsQuery().queryKey, suggestionsResponse.parse(suggestions)],
          [
            transactionsQuery(filters, TRANSACTIONS_PAGE_SIZE).queryKey,
            firstPage({ data: page.data.map((t) => transactionResponse.parse(t)), nextCursor: page.nextCursor }),
          ],
        ]}
      >
        <TransactionsExplorer baseCurrency={user.baseCurrency} today={todayIn(user.timeZone)} />
      </Hydrated>
    </>
  );
}
