"use server";

import { headers } from "next/headers";
import { audit } from "@/lib/audit";
import { requireUser } from "@/lib/auth";
import { clientIp } from "@/lib/client-ip";
import { revokeOtherSessions } from "@/lib/data/sessions";
import { bumpSessionVersion } from "@/lib/data/users";

/** Ends every session of the signed-in user, this one included: each JWT carries the old version. */
export async function signOutEverywhere(): Promise<void> {
  const user = await requireUser();
  await bumpSessionVersion(user.id);
  await revokeOtherSessions(user.id, null);
  await audit({ kind: "sign-out.everywhere", userId: user.id, ip: clientIp(await headers()) });
}
