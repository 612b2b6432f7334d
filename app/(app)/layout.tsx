import { AppShell } from "@/components/shell/app-shell";
import { Providers } from "@/components/shell/providers";
import { requireUser } from "@/lib/auth";

// Every signed-in page reads the database for the current user: never prerendered.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // The query client and the toasts live here, not in the root layout: the signed-out pages need neither.
  return (
    <Providers>
      <AppShell user={{ name: user.name, email: user.email }}>{children}</AppShell>
    </Providers>
  );
}
