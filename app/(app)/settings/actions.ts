"use server";

import { requireUser } from "@/lib/auth";
import { listUnpricedUnder } from "@/lib/data/fx";
import { bumpSessionVersion } from "@/lib/data/users";
import { isCurrency } from "@/lib/metrics/money";

/** Ends every session of the signed-in user, this one included: each JWT carries the old version. */
export async function signOutEverywhere(): Promise<void> {
  const user = await requireUser();
  await bumpSessionVersion(user.id);
}

/** For the base-currency dialog: per currency, the transactions a switch to `baseCurrency` would leave without a rate. */
export async function loadUnpricedUnder(baseCurrency: string) {
  const user = await requireUser();
  // A server function is a public endpoint: anything but a known currency code counts nothing.
  return typeof baseCurrency === "string" && isCurrency(baseCurrency) ? listUnpricedUnder(user.id, baseCurrency) : [];
}
