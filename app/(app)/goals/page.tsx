import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Goals" };

export default function GoalsPage() {
  return (
    <>
      <PageHeader title="Goals" description="Monthly income targets for your portfolio and for each stream." />
      <EmptyState
        title="No goals yet"
        description="Set a monthly target for the whole portfolio or for one stream, from a month on, and follow this month's progress with a projection to month-end and your hit rate over time."
        action={
          <Link href="/streams" className={buttonClasses({ variant: "secondary" })}>
            See your streams
          </Link>
        }
      />
    </>
  );
}
