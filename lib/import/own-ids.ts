/**
 * The external id the CSV export writes for a transaction that has none (one logged by hand or through
 * the API without an `externalId`): its own id, so the file imported back into the same account finds
 * every row already there instead of adding them again, and into another account keeps one id per row.
 */
const OWN_ID = /^streamfolio:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const ownExternalId = (transactionId: string) => `streamfolio:${transactionId}`;

/** The transaction id an exported external id names, or null for any other external id. */
export function transactionIdOf(externalId: string): string | null {
  return OWN_ID.exec(externalId)?.[1] ?? null;
}
