/**
 * PayPal: the Activity download, all transactions, CSV (Activity → Statements → Activity download, or
 * Reports → Activity download; transaction type "All transactions" or "Balance affecting").
 *
 * Sources:
 * - The default field set (2018 onwards), as the hledger manual's CSV chapter quotes it (hledger.org, the
 *   "paypal-custom.csv.rules" example; simonmichael/hledger), with a real US export:
 *   "Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address",
 *   "To Email Address","Transaction ID",…,"Item Title",…,"Reference Txn ID",…,"Balance",…,"Subject","Note",
 *   "Country Code","Balance Impact"; dates "10/01/2019" (MM/DD/YYYY), the fee negative ("-0.59" on a 10.00
 *   payment, 9.41 net), "Bank Deposit to PP Account " (with its trailing space) marked Pending.
 * - OCA/bank-statement-import, account_statement_import_paypal (tests/fixtures/activity_en.csv and
 *   statement_en.csv, models/account_statement_import_paypal_parser.py): an English-language export of a
 *   European account with DD/MM/YYYY dates and "TimeZone" PST/PDT; "General Currency Conversion",
 *   "General Withdrawal", "Payment Hold"/"Payment Release", "Website Payment", "Express Checkout Payment";
 *   thousands written "1,058.09"; the fee a signed decimal on the same row; the file read as utf-8-sig (BOM).
 * - nils-werner/beancount-paypal (beancount_paypal/lang.py): the English and German column names, DD/MM/YYYY
 *   and "1.234,56" decimals in English exports of German accounts, "Bank Deposit to PP Account ".
 * - The OCA statement fixture (statement_en.csv) and PayPal's older history files write "Time Zone" for
 *   "TimeZone"; both are accepted.
 * - PayPal's merchant guides (manualshelf.com: "Order Management Integration Guide" 2006 p.45, "Merchant Setup
 *   and Administration Guide" 2010 p.62): Balance Impact is Credit, Debit or Memo; Memo rows "do not affect
 *   your balance"; refunds are a Debit row with status Completed; statuses Pending, Held, Completed, Denied,
 *   Refunded, Cancelled, Reversed, Placed; a row shows its status at the time of the download.
 *
 * Reading: only money that moved counts: Memo rows and rows not Completed are skipped (a payment that was
 * later refunded or reversed may show "Refunded"/"Partially Refunded"/"Reversed" on its own row; it did
 * arrive, and its refund or reversal is a row of its own, so those statuses count too). Money received is
 * income (the gross) with PayPal's fee an expense (":fee"); a refund you gave and a chargeback are negative
 * income (a returned fee a negative expense); a chargeback fee is an expense. Money you sent (purchases,
 * subscriptions, Send Money) and refunds of it are skipped, as are currency conversions, holds and releases,
 * withdrawals, bank and card deposits, authorizations and shopping-cart item lines.
 *
 * Dates: the US export writes M/D/YYYY; most other countries' English exports D/M/YYYY. A date cannot say
 * which it is, so there are two readers: `paypal` (M/D/YYYY) and `paypal-dmy` (D/M/YYYY); a date that only
 * fits the other order is refused with a message naming the other preset. Amounts: the decimal separator
 * follows the account's locale ("1,234.56" or "1.234,56"), guessed per cell.
 */
import type { ImportReader, RecordOutcome } from "../types";
import { addDecimal, negateDecimal, parseImportDate, sameDecimal, signOfDecimal, subtractDecimal } from "../values";
import { Cells, Problems, findHeaderRow, invalid, produced, readAmount, skip, transaction } from "./kit";

const PLATFORM = "PayPal";

const COUNTED_STATUSES = new Set(["completed", "cleared", "refunded", "partially refunded", "reversed"]);

type Classification =
  { type: "skip"; reason: string } | { type: "income"; what: "payment" | "refund" | "chargeback" | "chargeback won" } | { type: "fee" };

function classify(type: string, gross: string): Classification {
  const t = type.toLowerCase().replace(/\s+/g, " ").trim();
  const sign = signOfDecimal(gross);
  if (/shopping cart item/.test(t))
    return { type: "skip", reason: "An item line of a shopping-cart payment: the payment itself is counted." };
  if (/currency conversion/.test(t)) return { type: "skip", reason: "A currency conversion between your PayPal balances: not income." };
  if (/withdraw|transfer to bank|to bank account/.test(t))
    return { type: "skip", reason: "A withdrawal to your bank or card: not income." };
  if (/deposit|add funds|funds added|top.?up/.test(t))
    return { type: "skip", reason: "Money added to PayPal from your bank or card: not income." };
  if (/\bhold\b|\brelease\b|\breserve\b/.test(t)) return { type: "skip", reason: "A hold or its release on your balance: not income." };
  if (/authori[sz]ation|\border\b/.test(t)) return { type: "skip", reason: "An authorization: no money moved." };
  if (/cash ?back|bonus|reward/.test(t)) return { type: "skip", reason: "A PayPal reward or cash back: not income of this stream." };
  if (sign === 0) return { type: "skip", reason: "A row of 0.00: no money moved." };
  if (/\bfee\b/.test(t)) return { type: "fee" };
  if (/chargeback|dispute/.test(t)) {
    return sign < 0 ? { type: "income", what: "chargeback" } : { type: "income", what: "chargeback won" };
  }
  if (/refund/.test(t)) {
    return sign < 0 ? { type: "income", what: "refund" } : { type: "skip", reason: "A refund of a payment you sent: not income." };
  }
  if (/reversal/.test(t)) {
    return sign < 0
      ? { type: "income", what: "chargeback" }
      : { type: "skip", reason: "A payment you sent came back (reversed): not income." };
  }
  if (sign < 0) return { type: "skip", reason: "A payment you sent: not income of this stream." };
  return { type: "income", what: "payment" };
}

function readDate(cells: Cells, order: "mdy" | "dmy", problems: Problems): string | undefined {
  const raw = cells.get("Date");
  const path = cells.column("Date");
  if (/^\d{1,2}\.\d{1,2}\.\d{4}$/.test(raw)) return problems.take(path, parseImportDate(raw, "dd-mm-yyyy"));
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return problems.take(path, parseImportDate(raw, "iso"));
  const result = parseImportDate(raw, order);
  if (result.ok) return result.value;
  const other = order === "mdy" ? "dmy" : "mdy";
  if (parseImportDate(raw, other).ok) {
    problems.add(
      path,
      order === "mdy"
        ? `"${raw}" is not M/D/YYYY: this export writes dates day first. Import it with the preset "PayPal activity download (dates D/M/YYYY)".`
        : `"${raw}" is not D/M/YYYY: this export writes dates month first. Import it with the preset "PayPal activity download".`,
    );
    return undefined;
  }
  problems.add(path, result.message);
  return undefined;
}

/**
 * PayPal's fee as a cost: the Fee column is signed (normally negative, Net = Gross + Fee); some exports write
 * it positive (Net = Gross − Fee). The Net column says which; a returned fee on a refund is a negative cost.
 */
function feeCost(gross: string, fee: string, net: string | null): { ok: true; cost: string } | { ok: false } {
  if (net === null) return { ok: true, cost: signOfDecimal(fee) < 0 ? negateDecimal(fee) : fee };
  if (sameDecimal(addDecimal(gross, fee), net)) return { ok: true, cost: negateDecimal(fee) };
  if (sameDecimal(subtractDecimal(gross, fee), net)) return { ok: true, cost: fee };
  return { ok: false };
}

function makeRead(order: "mdy" | "dmy") {
  return function read(record: Readonly<Record<string, string>>): RecordOutcome {
    const cells = new Cells(record);
    const impact = cells.get("Balance Impact").toLowerCase();
    if (impact === "memo") return skip("A memo row: it does not change your PayPal balance.");
    const status = cells.get("Status");
    if (!COUNTED_STATUSES.has(status.toLowerCase())) {
      return skip(
        status === "" ? "No status: not a completed transaction." : `Status "${status}": only completed transactions are counted.`,
      );
    }

    const problems = new Problems();
    const occurredOn = readDate(cells, order, problems);
    const gross = readAmount(cells, "Gross", "auto", problems, { required: true });
    const fee = readAmount(cells, "Fee", "auto", problems);
    const net = readAmount(cells, "Net", "auto", problems);
    const currency = cells.get("Currency");
    if (!/^[A-Za-z]{3}$/.test(currency)) problems.add(cells.column("Currency"), `"${currency}" is not a three-letter currency code.`);
    if (problems.any || occurredOn === undefined || gross === undefined || gross === null || fee === undefined || net === undefined) {
      return invalid(problems);
    }

    const type = cells.get("Type");
    const what = classify(type, gross);
    if (what.type === "skip") return skip(what.reason);

    const id = cells.get("Transaction ID");
    const title = cells.get("Item Title") || cells.get("Subject") || cells.get("Note") || type;
    const shared = { occurredOn, currency, platform: PLATFORM, counterparty: cells.get("Name") || cells.get("From Email Address") || null };

    if (what.type === "fee") {
      // A fee row (a chargeback fee, a fee reversal): its gross is the cost, negated.
      return produced(transaction({ ...shared, kind: "expense", amount: negateDecimal(gross), description: title, externalId: id }));
    }

    const out = [transaction({ ...shared, kind: "income", amount: gross, description: title, externalId: id })];
    if (fee !== null && signOfDecimal(fee) !== 0) {
      const cost = feeCost(gross, fee, net);
      if (!cost.ok) {
        problems.add(cells.column("Fee"), `Gross ${gross}, Fee ${fee} and Net ${net ?? ""} do not add up.`);
        return invalid(problems);
      }
      out.push(
        transaction({
          ...shared,
          kind: "expense",
          amount: cost.cost,
          description: `PayPal fee: ${title}`,
          externalId: id ? `${id}:fee` : null,
        }),
      );
    }
    return produced(...out);
  };
}

const REQUIRED = ["Date", "Name", "Type", "Status", "Currency", "Gross", "Fee", "Net", "Transaction ID"] as const;

export function createPaypalReader(order: "mdy" | "dmy"): ImportReader {
  return {
    id: order === "mdy" ? "paypal" : "paypal-dmy",
    name: order === "mdy" ? "PayPal activity download" : "PayPal activity download (dates D/M/YYYY)",
    description:
      (order === "mdy"
        ? "PayPal's Activity download, all transactions, as CSV, with dates written M/D/YYYY (US accounts). "
        : "PayPal's Activity download, all transactions, as CSV, with dates written D/M/YYYY (most accounts outside the US). ") +
      "Completed payments received are income and PayPal's fees expenses; refunds and chargebacks are negative income. Payments you sent, currency conversions, holds, withdrawals, deposits and memo rows are skipped.",
    platform: PLATFORM,
    defaultStream: PLATFORM,
    requiredColumns: REQUIRED,
    findHeader: (firstRecords) => findHeaderRow(firstRecords, [...REQUIRED, ["TimeZone", "Time Zone"]]),
    read: makeRead(order),
  };
}

/** US exports: dates M/D/YYYY. */
export const paypalReader = createPaypalReader("mdy");
/** Exports of accounts outside the US: dates D/M/YYYY. */
export const paypalDmyReader = createPaypalReader("dmy");
