"use server";

import { headers } from "next/headers";
import { audit } from "@/lib/audit";
import { requireUser } from "@/lib/auth";
import { clientIp } from "@/lib/client-ip";
import { getDb } from "@/db/index";
import { revokeOtherSessions } from "@/lib/data/sessions";
import { forgetTrustedBrowsers } from "@/lib/data/two-factor";
import { bumpSessionVersion } from "@/lib/data/users";

/** Ends every session of the signed-in user, this one included (each JWT carries the old version), and forgets trusted browsers. */
export async function signOutEverywhere(): Promise<void> {
  const user = await requireUser();
  await bumpSessionVersion(user.id);
  await revokeOtherSessions(user.id, null);
  await forgetTrustedBrowsers(user.id, await getDb());
  await audit({ kind: "sign-out.everywhere", userId: user.id, ip: clientIp(await headers()) });
}
