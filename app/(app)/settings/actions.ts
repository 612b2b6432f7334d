"use server";

import { requireUser } from "@/lib/auth";
import { bumpSessionVersion } from "@/lib/data/users";

/** Ends every session of the signed-in user, this one included: each JWT carries the old version. */
export async function signOutEverywhere(): Promise<void> {
  const user = await requireUser();
  await bumpSessionVersion(user.id);
}
