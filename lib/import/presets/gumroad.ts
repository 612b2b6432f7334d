/**
 * Gumroad: the sales export (Analytics/Sales → Export, the "Sales" CSV Gumroad e-mails or downloads).
 *
 * Sources:
 * - Gumroad's own code (Gumroad is open source: antiwork/gumroad, app/services/exports/purchase_export_service.rb):
 *   the exact columns ("Purchase ID", "Item Name", "Buyer Name", "Purchase Email", "Buyer Email",
 *   "Purchase Date", "Purchase Time (UTC timezone)", "Subtotal ($)", "Taxes ($)", "Shipping ($)",
 *   "Sale Price ($)", "Fees ($)", "Net Total ($)", …, "Refunded?", "Partial Refund ($)", "Fully Refunded?",
 *   "Disputed?", "Dispute Won?", …, "Free trial purchase?", "Pre-order authorization?", …,
 *   "Affiliate commission ($)", …, "Buyer Currency", "Buyer Total", "Buyer Refunded Total"); flags written
 *   1/0; "Purchase Date" as YYYY-MM-DD (the UTC date); every "($)" column in US dollars (the buyer-currency
 *   columns are informational and "deliberately not part of the Totals row"); and a last row whose first
 *   cell is "Totals". Custom-field columns follow the fixed ones. Written with Ruby's CSV: no BOM, floats
 *   like "10.0".
 *
 * Reading: each sale's "Sale Price ($)" is income and "Fees ($)" an expense (":fee"); an affiliate's
 * commission is an expense too (":affiliate") when the row's own Net Total shows it was taken from the sale
 * (Sale − Fees − Affiliate = Net); a full refund is the sale price as negative income (":refund"), a partial one
 * the "Partial Refund ($)"; a dispute lost is a chargeback (":chargeback") of what was not already refunded.
 * The export gives no date for refunds or disputes, so they are dated the day of the sale. Free downloads,
 * free trials and pre-order authorizations (no money moved) and the Totals row are skipped.
 */
import type { ImportReader, ImportedTransaction, RecordOutcome } from "../types";
import { negateDecimal, sameDecimal, signOfDecimal, subtractDecimal } from "../values";
import { Cells, Problems, findHeaderRow, invalid, produced, readAmount, readDate, skip, transaction } from "./kit";

const PLATFORM = "Gumroad";
const CURRENCY = "USD";

function flag(cells: Cells, column: string): boolean {
  const v = cells.get(column).toLowerCase();
  return v === "1" || v === "true" || v === "yes";
}

function read(record: Readonly<Record<string, string>>): RecordOutcome {
  const cells = new Cells(record);
  const id = cells.get("Purchase ID");
  if (id.toLowerCase() === "totals") return skip("The totals row.");

  const problems = new Problems();
  const occurredOn = readDate(
    cells,
    cells.get("Purchase Date") !== "" ? "Purchase Date" : "Purchase Time (UTC timezone)",
    ["iso", "datetime"],
    problems,
  );
  const price = readAmount(cells, "Sale Price ($)", ".", problems, { required: true });
  const fees = readAmount(cells, "Fees ($)", ".", problems);
  const net = readAmount(cells, "Net Total ($)", ".", problems);
  const affiliate = readAmount(cells, "Affiliate commission ($)", ".", problems);
  const partial = readAmount(cells, "Partial Refund ($)", ".", problems);
  if (
    problems.any ||
    occurredOn === undefined ||
    price === undefined ||
    price === null ||
    fees === undefined ||
    net === undefined ||
    affiliate === undefined ||
    partial === undefined
  ) {
    return invalid(problems);
  }

  if (signOfDecimal(price) === 0) {
    if (flag(cells, "Free trial purchase?")) return skip("A free trial: no money moved.");
    if (flag(cells, "Pre-order authorization?")) return skip("A pre-order authorization: the card is charged at release.");
    return skip("A free download: no money moved.");
  }

  const item = cells.get("Item Name");
  const variants = cells.get("Variants");
  const description = variants ? `${item} (${variants})` : item;
  const shared = {
    occurredOn,
    currency: CURRENCY,
    platform: PLATFORM,
    counterparty: cells.get("Buyer Name") || cells.get("Purchase Email") || cells.get("Buyer Email") || null,
  };
  const withId = (suffix: string) => (id ? `${id}${suffix}` : null);

  const out: ImportedTransaction[] = [transaction({ ...shared, kind: "income", amount: price, description, externalId: id || null })];
  if (fees !== null && signOfDecimal(fees) !== 0) {
    out.push(
      transaction({ ...shared, kind: "expense", amount: fees, description: `Gumroad fee: ${description}`, externalId: withId(":fee") }),
    );
  }
  if (
    affiliate !== null &&
    signOfDecimal(affiliate) !== 0 &&
    net !== null &&
    sameDecimal(subtractDecimal(subtractDecimal(price, fees ?? "0"), affiliate), net)
  ) {
    const who = cells.get("Affiliate");
    out.push(
      transaction({
        ...shared,
        kind: "expense",
        amount: affiliate,
        description: `Affiliate commission${who ? ` (${who})` : ""}: ${description}`,
        externalId: withId(":affiliate"),
      }),
    );
  }

  let refunded = "0";
  if (flag(cells, "Fully Refunded?")) refunded = price;
  else if (flag(cells, "Refunded?") && partial !== null && signOfDecimal(partial) > 0) refunded = partial;
  if (signOfDecimal(refunded) !== 0) {
    out.push(
      transaction({
        ...shared,
        kind: "income",
        amount: negateDecimal(refunded),
        description: `Refund: ${description}`,
        externalId: withId(":refund"),
      }),
    );
  }
  if (flag(cells, "Disputed?") && !flag(cells, "Dispute Won?")) {
    const lost = subtractDecimal(price, refunded);
    if (signOfDecimal(lost) > 0) {
      out.push(
        transaction({
          ...shared,
          kind: "income",
          amount: negateDecimal(lost),
          description: `Chargeback: ${description}`,
          externalId: withId(":chargeback"),
        }),
      );
    }
  }
  return produced(...out);
}

const REQUIRED = ["Purchase ID", "Item Name", "Purchase Date", "Sale Price ($)", "Fees ($)"] as const;

export const gumroadReader: ImportReader = {
  id: "gumroad",
  name: "Gumroad sales export",
  description:
    "Gumroad's sales CSV (Sales → Export). Each sale's price is income and Gumroad's fee an expense; refunds and lost disputes are negative income, dated the day of the sale (the export has no refund date). Amounts are in US dollars. Free downloads, free trials, pre-order authorizations and the Totals row are skipped.",
  platform: PLATFORM,
  defaultStream: PLATFORM,
  requiredColumns: REQUIRED,
  findHeader: (firstRecords) => findHeaderRow(firstRecords, REQUIRED),
  read: (record) => read(record),
};
