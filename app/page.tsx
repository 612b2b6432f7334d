import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Landing } from "@/components/shell/landing";
import { currentUser } from "@/lib/auth";

export const metadata: Metadata = {
  // Absolute so a title template in the root layout doesn't append the product name a second time.
  title: { absolute: "Streamfolio — your income streams as a portfolio" },
  description:
    "See how diversified, volatile and concentrated your income is, and what happens if your biggest client, platform or stream disappears.",
};

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<{ deleted?: string | string[] }> }) {
  if (await currentUser()) redirect("/overview");
  // Where Settings → Account lands after deleting the account.
  const { deleted } = await searchParams;
  return <Landing notice={deleted === "1" ? "Your account and all its data were deleted." : undefined} />;
}
