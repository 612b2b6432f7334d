/**
 * Upwork: the transaction history (Reports → Transaction history → Download CSV), current layout; the
 * earlier layout is read too.
 *
 * Sources:
 * - The current layout, as a freelancer's own invoice-check tool reads their downloaded
 *   "<date>_transaction_report.csv" (found with find_string "Transaction type,Transaction summary"):
 *   "Date,Transaction ID,Transaction type,Transaction summary,Transaction summary details,Description 1,
 *   Description 2,Description 3,Agency team,Freelancer,Client team,Account name,PO,Ref ID,Amount $,
 *   Amount in local currency,Currency,Current balance $,Payment method"; the file opened as utf-8-sig (BOM);
 *   dates "Oct 2, 2026" ("%b %d, %Y"); earnings types "Hourly", "Fixed-price"/"Fixed Price", "Bonus";
 *   "Service Fee" rows negative ("-22.92" on a 229.17 hourly payment); the client in "Client team".
 * - The earlier layout, beancount_reds_importers' Upwork importer ("Date,Ref ID,Type,Description,Agency,
 *   Freelancer,Team,Account Name,PO,Amount,ExchangeRate,Currency,Balance", dates "%b %d, %Y", "Journal" rows
 *   skipped).
 * - Upwork Help, "Fixed-price transaction history", "Invoices and Transaction History", "Invoices for
 *   Freelancers" (support.upwork.com): each payment, fee and withdrawal is its own row with its own
 *   reference id; the service fee is invoiced separately; amounts are US dollars ("Amount $").
 *
 * Reading: Hourly, Fixed-price, Bonus, Expense (reimbursed) and Miscellaneous payments received are income;
 * Service Fee, Withdrawal Fee, Membership Fee, Connects and other fee rows are expenses (a fee refunded comes
 * back as a negative expense); a Refund you give is negative income; withdrawals to your bank are skipped, as
 * are payments you made (an earnings type with a negative amount: an agency or client paying others) and
 * types this preset does not know. Amounts are US dollars (the "Amount $" column); the local-currency column
 * only describes withdrawals. The client is the counterparty; the Transaction ID (or Ref ID) the id.
 */
import type { ImportReader, RecordOutcome } from "../types";
import { negateDecimal, signOfDecimal } from "../values";
import { Cells, Problems, findHeaderRow, invalid, produced, readAmount, readDate, skip, transaction } from "./kit";

const PLATFORM = "Upwork";

const TYPE = ["Transaction type", "Type"] as const;
const AMOUNT = ["Amount $", "Amount ($)", "Amount"] as const;
const ID = ["Transaction ID", "Ref ID"] as const;
const CLIENT = ["Client team", "Team", "Account name", "Account Name"] as const;
const DESCRIPTION = ["Description 1", "Description", "Transaction summary"] as const;

const EARNINGS = new Set(["hourly", "fixed-price", "fixed price", "bonus", "expense", "miscellaneous", "misc"]);

function read(record: Readonly<Record<string, string>>): RecordOutcome {
  const cells = new Cells(record);
  const type = cells.get(TYPE);
  const t = type.toLowerCase().replace(/\s+/g, " ");

  if (t === "withdrawal" || t === "withdrawal to bank" || t === "withdrawal reversal" || t === "journal") {
    return skip(t === "journal" ? "A journal entry between Upwork accounts: not income." : "A withdrawal to your bank: not income.");
  }
  const isFee = /\bfee\b|connects|membership/.test(t);
  const isRefund = t === "refund";
  if (!EARNINGS.has(t) && !isFee && !isRefund) {
    return skip(type === "" ? "A row with no transaction type." : `Upwork transaction type "${type}" is not one this preset counts.`);
  }

  const problems = new Problems();
  const occurredOn = readDate(cells, "Date", ["mon-d-y", "iso", "mdy"], problems);
  const amount = readAmount(cells, AMOUNT, ".", problems, { required: true });
  if (problems.any || occurredOn === undefined || amount === undefined || amount === null) return invalid(problems);
  if (signOfDecimal(amount) === 0) return skip("A row of 0.00: no money moved.");

  const description = cells.get(DESCRIPTION) || cells.get("Transaction summary") || type;
  const shared = {
    occurredOn,
    currency: "USD",
    platform: PLATFORM,
    counterparty: cells.get(CLIENT) || null,
    description,
    externalId: cells.get(ID) || null,
  };

  if (isFee) return produced(transaction({ ...shared, kind: "expense", amount: negateDecimal(amount) }));
  if (isRefund) {
    if (signOfDecimal(amount) > 0) return skip("A refund paid to you: not income of this stream.");
    return produced(transaction({ ...shared, kind: "income", amount }));
  }
  if (signOfDecimal(amount) < 0) return skip(`A payment you made (${type}): not income of this stream.`);
  return produced(transaction({ ...shared, kind: "income", amount }));
}

export const upworkReader: ImportReader = {
  id: "upwork",
  name: "Upwork transaction history",
  description:
    "Upwork's transaction history CSV (Reports → Transaction history → Download CSV). Hourly, fixed-price and bonus payments are income; service, withdrawal and membership fees and Connects are expenses; refunds you give are negative income. Amounts are US dollars. Withdrawals to your bank are skipped.",
  platform: PLATFORM,
  defaultStream: PLATFORM,
  requiredColumns: ["Date", "Transaction ID", "Transaction type", "Amount $"],
  findHeader: (firstRecords) => findHeaderRow(firstRecords, ["Date", TYPE, AMOUNT, ID]),
  read: (record) => read(record),
};
