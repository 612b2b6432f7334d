/**
 * Stripe: the "Balance change from activity" itemized report (Dashboard → Reports → Balance → Balance change
 * from activity → Download, itemized; API report types balance_change_from_activity.itemized.1/.2/.3).
 *
 * Sources:
 * - Stripe Docs, "Balance report type" (docs.stripe.com/reports/report-types/balance), as crawled in
 *   tanisss46/firecrawl docs/docs_stripe_com/docs_stripe_com_reports_report-types_balance.md and
 *   AriaShishegaran/stripe-documentation-crawler markdown_files/docs.stripe.com/reports/report-types/balance.md:
 *   the columns (balance_transaction_id, created_utc, created [in the requested timezone, itemized.3],
 *   available_on…, currency, gross, fee, net, reporting_category, source_id, description, customer_name,
 *   customer_email, customer_description, …); gross/fee/net "expressed in major units of the currency";
 *   the optional `decimal_separator` run parameter.
 * - Stripe Docs, "Reporting categories" (docs.stripe.com/reports/reporting-categories), same crawler repo,
 *   markdown_files/docs.stripe.com/reports/reporting-categories.md: every reporting_category and what it is.
 * - Balance transaction object (docs.stripe.com/api/balance_transactions/object): amount is gross, positive
 *   for funds charged to another party; fee is "represented as a positive integer when assessed".
 * - Report files seen in public code (e.g. test fixtures searched for "balance_transaction_id,created_utc"):
 *   timestamps written "2026-09-14 10:02:11", currency in lower case ("usd"), refunds with a negative gross.
 *
 * Reading: a charge's gross is income and its fee an expense (":fee"); refunds, partial-capture reversals,
 * charge failures and disputes (chargebacks) are negative income, their fee (the dispute fee) an expense;
 * dispute reversals and refund failures come back as income; Stripe's own fees and taxes on them are
 * expenses; payouts, transfers, top-ups, reserves and holds are skipped, as are categories this preset does
 * not know (named in the reason, never guessed). Dates: `created` (the report's time zone) when present,
 * else `created_utc`, the date part as written.
 */
import type { ImportReader, RecordOutcome } from "../types";
import { negateDecimal, signOfDecimal } from "../values";
import { Cells, Problems, findHeaderRow, invalid, produced, readDate, skip, transaction } from "./kit";

const PLATFORM = "Stripe";

/** Income-side categories: gross is income (signed as Stripe writes it), fee an expense. */
const INCOME = new Set([
  "charge",
  "refund",
  "partial_capture_reversal",
  "charge_failure",
  "refund_failure",
  "dispute",
  "dispute_reversal",
  "platform_earning",
  "platform_earning_refund",
  "unreconciled_customer_funds",
]);

/** Stripe's own charges to the account: the net is the (negative) cost. */
const EXPENSE = new Set(["fee", "tax", "network_cost", "climate_order_purchase", "climate_order_refund", "contribution"]);

/** Money moving between balances, banks and reserves: not income, not a cost. */
const SKIP: Readonly<Record<string, string>> = {
  payout: "A payout to your bank account: not income.",
  payout_reversal: "A failed or cancelled payout coming back to the Stripe balance: not income.",
  transfer: "A transfer to a connected account: not income of this stream.",
  transfer_reversal: "A transfer to a connected account reversed: not income of this stream.",
  topup: "Money you added to the Stripe balance: not income.",
  topup_reversal: "A top-up reversed: not income.",
  risk_reserved_funds: "Funds held in (or released from) a Stripe reserve: not income.",
  connect_reserved_funds: "Funds held in (or released from) a Connect reserve: not income.",
  payment_network_reserve_hold: "Funds a payment network holds in reserve: not income.",
  payment_network_reserve_release: "Funds a payment network released from its reserve: not income.",
  advance: "An instant-payout advance between balances: not income.",
  advance_funding: "An instant-payout advance between balances: not income.",
  anticipation_repayment: "A repayment of an anticipation loan: not income.",
  connect_collection_transfer: "A transfer covering a connected account's negative balance: not income.",
  other_adjustment: "A miscellaneous Stripe balance adjustment: not counted; add it by hand if it is income or a cost.",
};

function descriptionOf(category: string, cells: Cells): string {
  const text = cells.get("description");
  if (text !== "") return text;
  return category.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** Stripe writes amounts without thousands separators; `decimal_separator=,` reports use a comma. */
function readStripeAmount(cells: Cells, column: string, problems: Problems): string | undefined {
  const raw = cells.get(column);
  if (raw === "") return "0";
  const m = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(raw);
  if (!m) {
    problems.add(cells.column(column), `"${raw}" is not an amount as Stripe writes it (like 12.50 or -12.50).`);
    return undefined;
  }
  const value = m[3] === undefined ? `${m[1]}${m[2]}` : `${m[1]}${m[2]}.${m[3]}`;
  return signOfDecimal(value) === 0 ? value.replace("-", "") : value;
}

function read(record: Readonly<Record<string, string>>): RecordOutcome {
  const cells = new Cells(record);
  const category = cells.get("reporting_category").toLowerCase();
  const id = cells.get("balance_transaction_id");

  const skipReason = SKIP[category];
  if (skipReason !== undefined) return skip(skipReason);
  if (category.startsWith("issuing_")) return skip("Stripe Issuing card activity: spending, not income of this stream.");
  if (!INCOME.has(category) && !EXPENSE.has(category)) {
    return skip(
      category === ""
        ? "No reporting_category: not a balance transaction row."
        : `Stripe reporting category "${category}" is not one this preset counts.`,
    );
  }

  const problems = new Problems();
  const dateColumn = cells.has("created") && cells.get("created") !== "" ? "created" : "created_utc";
  const occurredOn = readDate(cells, dateColumn, ["datetime", "iso"], problems);
  const gross = readStripeAmount(cells, "gross", problems);
  const fee = readStripeAmount(cells, "fee", problems);
  const net = readStripeAmount(cells, "net", problems);
  const currency = cells.get("currency");
  if (!/^[a-z]{3}$/i.test(currency)) problems.add(cells.column("currency"), `"${currency}" is not a three-letter currency code.`);
  if (problems.any || occurredOn === undefined || gross === undefined || fee === undefined || net === undefined) return invalid(problems);

  const shared = {
    occurredOn,
    currency: currency.toUpperCase(),
    platform: PLATFORM,
    counterparty: cells.get("customer_name") || cells.get("customer_description") || cells.get("customer_email") || null,
  };
  const description = descriptionOf(category, cells);

  if (EXPENSE.has(category)) {
    if (signOfDecimal(net) === 0) return skip("A Stripe fee row of 0: nothing to count.");
    return produced(transaction({ ...shared, kind: "expense", amount: negateDecimal(net), description, externalId: id }));
  }

  const out = [];
  if (signOfDecimal(gross) !== 0) out.push(transaction({ ...shared, kind: "income", amount: gross, description, externalId: id }));
  if (signOfDecimal(fee) !== 0) {
    const feeText = category === "dispute" ? `Dispute fee: ${description}` : `Stripe fee: ${description}`;
    out.push(transaction({ ...shared, kind: "expense", amount: fee, description: feeText, externalId: id ? `${id}:fee` : null }));
  }
  if (out.length === 0) return skip("A Stripe row of 0: nothing to count.");
  return produced(...out);
}

export const stripeReader: ImportReader = {
  id: "stripe",
  name: "Stripe balance change from activity",
  description:
    'Stripe\'s itemized "Balance change from activity" report (Reports → Balance → Download, itemized). Charges are income and their Stripe fees expenses; refunds and disputes are negative income, dispute fees expenses. Payouts, transfers, top-ups and reserves are skipped.',
  platform: PLATFORM,
  defaultStream: PLATFORM,
  requiredColumns: ["balance_transaction_id", "created_utc", "currency", "gross", "fee", "net", "reporting_category"],
  findHeader: (firstRecords) =>
    findHeaderRow(firstRecords, [
      "balance_transaction_id",
      ["created", "created_utc"],
      "currency",
      "gross",
      "fee",
      "net",
      "reporting_category",
    ]),
  read: (record) => read(record),
};
