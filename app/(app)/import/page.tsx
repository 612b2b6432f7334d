import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Import" };

export default function ImportPage() {
  return (
    <>
      <PageHeader title="Import" description="Bring in income and expenses from a CSV export." />
      <EmptyState
        title="CSV import is on its way"
        description="Upload a CSV with date, stream, kind, amount and currency columns (or a payment platform's export) and every row is checked before anything is saved. Until then, log transactions by hand or through the API."
        action={
          <Link href="/transactions" className={buttonClasses({ variant: "secondary" })}>
            Log a transaction
          </Link>
        }
      />
    </>
  );
}
