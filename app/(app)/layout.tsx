import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth";

// Every signed-in page reads the database for the current user: never prerendered.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return <AppShell user={{ name: user.name, email: user.email }}>{children}</AppShell>;
}
