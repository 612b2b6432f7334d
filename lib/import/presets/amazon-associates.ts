/**
 * Amazon Associates: the Fee-Earnings report (Reports → Earnings → Download reports → Earnings, CSV).
 *
 * Sources:
 * - Scripts that read their owners' real downloads: "row 1 is report title (skip), row 2 is headers" with the
 *   title "Fee-Earnings reports from …", read as utf-8-sig, columns "Category", "Name", "ASIN",
 *   "Revenue($)", "Items Shipped" (an affiliate dashboard's Amazon_Earnings_2026.csv reader); a Japanese
 *   converter that rewrites pre-2016 reports "to the current format" (title "Fee-Earnings reports from ...",
 *   "Date Shipped" as YYYY-MM-DD); a fixture of the Indian store's export in the real column layout:
 *   Category, Name, ASIN, Seller, Tracking ID, Date Shipped, Price(Rs.), Items Shipped, Returns, Revenue(Rs.),
 *   Ad Fees(Rs.), Device Type Group (the store's currency in each money column's parentheses).
 * - Amazon Associates Help, "How to read the Earnings Report" (affiliate-program.amazon.com/help/node/topic/
 *   GCDWWRFEMW3Q2TE2): Revenue is items shipped times price, the commission (the "Ad Fees" column) is what
 *   Amazon pays the Associate; "Why are there negative numbers in my Earnings Reports?": returned items
 *   take their earnings back as negative rows.
 * - affilimate.com/docs/amazon-integration: Reports → Earnings Report → Download Reports → Earnings, CSV.
 *
 * Reading: each row's "Ad Fees" (the Associate's earnings on the item; "Earnings" or "Commission Income" in
 * other versions) is income, negative for returns; Revenue and Price are the shop's sales, not the
 * Associate's income, and are not imported. Rows earning nothing and a totals row are skipped. The title
 * lines above the header are passed over. The currency comes from the money column's parentheses ("$" is
 * US dollars, "£" pounds, "€" euros, "Rs." rupees, …). Dated the day the item shipped. The report has no
 * row id (two identical items shipped the same day are two rows: the engine counts occurrences).
 */
import type { ImportReader, RecordOutcome } from "../types";
import { signOfDecimal } from "../values";
import { Cells, Problems, headerKey, invalid, produced, readAmount, readDate, skip, transaction } from "./kit";

const PLATFORM = "Amazon Associates";

/** The earnings column, whatever its currency suffix: "Ad Fees($)", "Earnings (£)", "Commission Income(€)". */
const EARNINGS = /^(?:ad fees|earnings|commission income)\s*(?:\((.*)\))?$/;

const SYMBOLS: Readonly<Record<string, string>> = {
  $: "USD",
  us$: "USD",
  usd: "USD",
  "£": "GBP",
  "€": "EUR",
  "rs.": "INR",
  rs: "INR",
  "₹": "INR",
  "¥": "JPY",
  "￥": "JPY",
  cdn$: "CAD",
  c$: "CAD",
  ca$: "CAD",
  a$: "AUD",
  au$: "AUD",
  r$: "BRL",
  mx$: "MXN",
  mxn$: "MXN",
  s$: "SGD",
  zł: "PLN",
};

function earningsColumn(columns: readonly string[]): { column: string; currency: string | null; symbol: string } | null {
  for (const column of columns) {
    const m = EARNINGS.exec(headerKey(column));
    if (!m) continue;
    const symbol = (m[1] ?? "").trim();
    const currency = /^[a-z]{3}$/.test(symbol) ? symbol.toUpperCase() : (SYMBOLS[symbol] ?? null);
    return { column, currency, symbol };
  }
  return null;
}

function read(record: Readonly<Record<string, string>>): RecordOutcome {
  const cells = new Cells(record);
  const earnings = earningsColumn(Object.keys(record));
  const name = cells.get("Name");
  if (cells.get("ASIN") === "" && /^totals?\b/i.test(cells.get("Category") || name)) return skip("The totals row.");

  const problems = new Problems();
  if (earnings === null) {
    problems.add("Ad Fees", "The report has no Ad Fees (earnings) column.");
    return invalid(problems);
  }
  if (earnings.currency === null) {
    problems.add(
      earnings.column,
      `The report's currency "${earnings.symbol}" is not one this preset knows: map the columns yourself and name the currency.`,
    );
    return invalid(problems);
  }
  const amount = readAmount(cells, earnings.column, "auto", problems, { required: true });
  const occurredOn = readDate(cells, "Date Shipped", ["iso", "mon-d-y", "datetime", "mdy"], problems);
  if (problems.any || amount === undefined || amount === null || occurredOn === undefined) return invalid(problems);
  if (signOfDecimal(amount) === 0) return skip("No earnings on this item.");

  const tracking = cells.get("Tracking ID");
  const returned = signOfDecimal(amount) < 0;
  const title = name || cells.get("ASIN") || "Amazon item";
  const description = `${returned ? "Return: " : ""}${title}${tracking ? ` (${tracking})` : ""}`;
  return produced(transaction({ occurredOn, kind: "income", amount, currency: earnings.currency, platform: PLATFORM, description }));
}

export const amazonAssociatesReader: ImportReader = {
  id: "amazon-associates",
  name: "Amazon Associates Fee-Earnings report",
  description:
    "Amazon Associates' Fee-Earnings report as CSV (Reports → Earnings → Download reports → Earnings). Each item's Ad Fees (your earnings) is income, negative for returns; the title lines above the header are passed over. The currency is read from the report's column names.",
  platform: PLATFORM,
  defaultStream: PLATFORM,
  requiredColumns: ["Name", "ASIN", "Date Shipped", "Ad Fees"],
  findHeader: (firstRecords) => {
    const limit = Math.min(firstRecords.length, 30);
    for (let i = 0; i < limit; i += 1) {
      const record = firstRecords[i] ?? [];
      const keys = new Set(record.map(headerKey));
      if (keys.has("asin") && keys.has("date shipped") && earningsColumn(record) !== null) return i;
    }
    return null;
  },
  read: (record) => read(record),
};
