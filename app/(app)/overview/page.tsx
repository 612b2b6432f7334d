import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="How resilient is your income this month?" />
      <EmptyState
        title="Your portfolio at a glance will appear here"
        description="This month's income against your goal, your resilience score, income by stream and the rules that need attention. Start by adding the streams you earn from."
        action={
          <Link href="/streams" className={buttonClasses()}>
            Add your first stream
          </Link>
        }
      />
    </>
  );
}
