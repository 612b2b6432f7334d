import { TwoFactor } from "@/components/settings/two-factor";
import { getTwoFactorStatus } from "@/lib/data/two-factor";

/** The two-factor card with its status read on the server (whether it is on, recovery codes left). */
export async function TwoFactorSection({ userId }: { userId: string }) {
  return <TwoFactor initial={await getTwoFactorStatus(userId)} />;
}
