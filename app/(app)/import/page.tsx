import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/import/import-wizard";
import { Hydrated } from "@/components/query/hydrated";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { streamsEntry } from "@/lib/dashboard";
import { getUser } from "@/lib/data/users";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  const { id } = await requireUser();
  const [user, streams] = await Promise.all([getUser(id), streamsEntry(id)]);
  return (
    <>
      <PageHeader
        title="Import"
        description="Bring in income and expenses from a platform's export or any CSV. Every row is checked and shown to you before anything is saved."
        actions={
          <Link href="/settings#data" className={buttonClasses({ variant: "secondary" })}>
            Import history
          </Link>
        }
      />
      <Hydrated entries={[streams]}>
        <ImportWizard baseCurrency={user.baseCurrency} />
      </Hydrated>
    </>
  );
}
