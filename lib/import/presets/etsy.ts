/**
 * Etsy: the monthly statement CSV (Shop Manager → Finances → Monthly statements → a month → Generate CSV).
 *
 * Sources:
 * - Etsy Help, "How Is the Deposit Total Sent to My Bank Calculated?" (help.etsy.com/hc/en-us/articles/
 *   360016389113) and "How Are Sales & Credits in My Payment Account Calculated?" (…/360016265394): where the
 *   statement CSV comes from; money in is sales, payments towards the amount due and credits; money out is
 *   fees (listing, transaction, processing), services (shipping labels, Etsy Ads), taxes on Etsy's fees and
 *   refunds; taxes Etsy collects from buyers are passed through, not the seller's ("Order total … excluding
 *   taxes collected by Etsy").
 * - Statement files in open-source tools that read them (found with the header "Date,Type,Title,Info,
 *   Currency,Amount,Fees & Taxes,Net,Tax Details"): a UTF-8 BOM "as Etsy writes it"; dates "September 24, 2026"
 *   (US) or "31 July, 2026" (UK); amounts with the shop currency's symbol ("$16.08", "-$0.98", "CA$76.00",
 *   "£29.99", "-€5.50") and "--" for nothing; row types Sale, Fee, Tax/VAT, Marketing, Shipping, Refund,
 *   Deposit, Payment; titles like "Payment for Order #…", "Sales tax paid by buyer", "Transaction fee: <item>",
 *   "Processing fee", "Listing fee", "Credit for transaction fee", "Sales tax refunded to buyer",
 *   "$60.00 sent to your bank account"; HTML entities in titles; newer files add "Status" and
 *   "Availability Date" columns.
 *
 * Reading: a sale's Amount is income; a refund's Amount is negative income; the sales tax (or a state fee)
 * the buyer paid and Etsy remits is taken back out of income as a negative income row (and a refunded tax
 * put back), since it never was the seller's; every fee, ad, shipping label, subscription and tax on Etsy's
 * fees is an expense, and a fee credit a negative expense. Deposits to the bank, payments towards the Etsy
 * bill and reserves are skipped, as are types this preset does not know (named in the reason). The file has
 * no row ids: the engine keys rows by their content and occurrence.
 */
import type { ImportReader, RecordOutcome } from "../types";
import { addDecimal, negateDecimal, parseDayMonthNameYear, parseImportDate, signOfDecimal } from "../values";
import { Cells, Problems, findHeaderRow, invalid, produced, readAmount, skip, transaction } from "./kit";

const PLATFORM = "Etsy";

const EXPENSE_TYPES = new Set([
  "fee",
  "fees",
  "marketing",
  "shipping",
  "shipping label",
  "postage",
  "listing",
  "transaction",
  "subscription",
  "processing",
]);
const TAX_TYPES = new Set(["tax", "taxes", "vat", "gst", "sales tax"]);

/** Taxes and state fees the buyer paid, collected and remitted by Etsy: not the seller's income. */
const BUYER_PASS_THROUGH = /\bbuyer\b/i;

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

function readEtsyDate(cells: Cells, problems: Problems): string | undefined {
  const raw = cells.get("Date");
  const path = cells.column("Date");
  for (const result of [parseImportDate(raw, "mon-d-y"), parseDayMonthNameYear(raw), parseImportDate(raw, "iso")]) {
    if (result.ok) return result.value;
  }
  problems.add(
    path,
    raw === "" ? "The date is empty." : `"${raw}" is not a date as Etsy writes it ("September 24, 2026" or "24 September, 2026").`,
  );
  return undefined;
}

function read(record: Readonly<Record<string, string>>): RecordOutcome {
  const cells = new Cells(record);
  const type = cells.get("Type");
  const t = type.toLowerCase();
  if (t === "deposit") return skip("A deposit to your bank account: not income.");
  if (t === "payment") return skip("A payment you made towards your Etsy bill: not income.");
  if (t === "reserve" || t === "hold") return skip("Funds Etsy holds in reserve: not income.");
  const isTax = TAX_TYPES.has(t);
  if (t !== "sale" && t !== "refund" && !isTax && !EXPENSE_TYPES.has(t)) {
    return skip(type === "" ? "A row with no type: not a statement line." : `Etsy statement type "${type}" is not one this preset counts.`);
  }

  const problems = new Problems();
  const occurredOn = readEtsyDate(cells, problems);
  const amount = readAmount(cells, "Amount", "auto", problems);
  const fees = readAmount(cells, "Fees & Taxes", "auto", problems);
  const net = readAmount(cells, "Net", "auto", problems);
  const currency = cells.get("Currency");
  if (!/^[A-Za-z]{3}$/.test(currency)) problems.add(cells.column("Currency"), `"${currency}" is not a three-letter currency code.`);
  if (problems.any || occurredOn === undefined || amount === undefined || fees === undefined || net === undefined) return invalid(problems);

  const title = decodeEntities(cells.get("Title"));
  const info = decodeEntities(cells.get("Info"));
  const description = info && !title.includes(info) ? `${title} (${info})` : title || type;
  const shared = { occurredOn, currency, platform: PLATFORM, description };
  const total = net ?? (amount !== null && fees !== null ? addDecimal(amount, fees) : (amount ?? fees));

  if (t === "sale" || t === "refund") {
    const out = [];
    const income = amount ?? (fees === null ? net : null);
    if (income !== null && signOfDecimal(income) !== 0) out.push(transaction({ ...shared, kind: "income", amount: income }));
    if (fees !== null && signOfDecimal(fees) !== 0)
      out.push(transaction({ ...shared, kind: "expense", amount: negateDecimal(fees), description: `Fees: ${description}` }));
    return out.length === 0 ? skip("A statement line of 0.00: nothing to count.") : produced(...out);
  }

  if (total === null || signOfDecimal(total) === 0) return skip("A statement line of 0.00: nothing to count.");
  if (isTax && BUYER_PASS_THROUGH.test(title)) {
    // −3.50 "Sales tax paid by buyer": the sale's Amount held 3.50 that Etsy passes to the state.
    return produced(transaction({ ...shared, kind: "income", amount: total }));
  }
  return produced(transaction({ ...shared, kind: "expense", amount: negateDecimal(total) }));
}

const REQUIRED = ["Date", "Type", "Title", "Currency", "Amount", "Fees & Taxes", "Net"] as const;

export const etsyReader: ImportReader = {
  id: "etsy",
  name: "Etsy monthly statement",
  description:
    "Etsy's monthly statement CSV (Shop Manager → Finances → Monthly statements → Generate CSV). Sales are income and refunds negative income; sales tax the buyer paid (collected by Etsy) is taken back out; fees, ads, shipping labels and taxes on fees are expenses. Deposits to your bank and payments towards your Etsy bill are skipped.",
  platform: PLATFORM,
  defaultStream: PLATFORM,
  requiredColumns: REQUIRED,
  findHeader: (firstRecords) => findHeaderRow(firstRecords, REQUIRED),
  read: (record) => read(record),
};
