import { isUuid } from "@/lib/ids";

/**
 * The external id the CSV export writes for a transaction that has none (one logged by hand or through
 * the API without an `externalId`): its own id, so the file imported back into the same account finds
 * every row already there instead of adding them again, and into another account keeps one id per row.
 */
const PREFIX = "streamfolio:";

export const ownExternalId = (transactionId: string) => `${PREFIX}${transactionId}`;

/** The transaction id an exported external id names, or null for any other external id. */
export function transactionIdOf(externalId: string): string | null {
  if (!externalId.startsWith(PREFIX)) return null;
  const id = externalId.slice(PREFIX.length);
  return isUuid(id) ? id.toLowerCase() : null;
}
