/**
 * Shopify: the payouts transactions export (Settings/Finance → Payouts → Export transactions, the
 * payment_transactions_export_*.csv of Shopify Payments).
 *
 * Sources:
 * - Exports in public code that reads them (found with find_string "Payout Status,Payout Date"): the header
 *   "Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date,Payout ID,Available On,
 *   Amount,Fee,Net,Checkout,Payment Method Name,Presentment Amount,Presentment Currency,Currency,VAT"
 *   (earlier files without Payout ID, Checkout, Presentment…, VAT); dates "2026-07-01 07:33:09 +0200"; Type
 *   in lower case (charge, refund, …); a charge's Fee positive and Net = Amount − Fee; a refund's Amount
 *   negative with a 0.00 fee; Payout ID empty while the payout is pending; Currency the payout currency,
 *   Presentment the customer's.
 * - Shopify Admin GraphQL reference, ShopifyPaymentsTransactionType and ShopifyPaymentsSourceType enums
 *   (shopify.dev/docs/api/admin-graphql/…/enums/ShopifyPaymentsTransactionType): the balance transaction
 *   types (CHARGE, REFUND, DISPUTE, DISPUTE_REVERSAL, ADJUSTMENT, CHARGEBACK_FEE, CHARGEBACK_FEE_REFUND,
 *   CHARGEBACK_HOLD, RESERVED_FUNDS, PAYOUT, TRANSFER, ADVANCE, BILLING_DEBIT, SHIPPING_LABEL, …).
 *
 * Reading: a charge's Amount is income and its Fee an expense; refunds and disputes (chargebacks) are
 * negative income, a dispute's fee and a chargeback fee expenses, a dispute won income back; an adjustment
 * is taken as Shopify states it (income of its signed Amount, its fee an expense); Shopify bills, apps and
 * shipping labels paid from the balance are expenses. Payouts, transfers, reserves, holds, advances and
 * lending repayments are skipped, as are types this preset does not know. Amounts are in the payout
 * currency (the Currency column); dates the Transaction Date as written. The export has no row id: the
 * engine keys rows by their content and occurrence.
 */
import type { ImportReader, RecordOutcome } from "../types";
import { negateDecimal, signOfDecimal } from "../values";
import { Cells, Problems, findHeaderRow, invalid, produced, readAmount, readDate, skip, transaction } from "./kit";

const PLATFORM = "Shopify";

const INCOME = new Set([
  "charge",
  "refund",
  "dispute",
  "chargeback",
  "dispute_reversal",
  "chargeback_won",
  "dispute_won",
  "adjustment",
  "charge_adjustment",
  "adjustment_reversal",
]);
const EXPENSE = new Set([
  "chargeback_fee",
  "chargeback_fee_refund",
  "dispute_fee",
  "billing_debit",
  "billing_debit_reversal",
  "shipping_label",
  "shipping_label_adjustment",
  "tax_adjustment_debit",
  "tax_adjustment_credit",
]);
const SKIP: Readonly<Record<string, string>> = {
  payout: "A payout to your bank: not income.",
  payout_failure: "A failed payout coming back: not income.",
  payout_cancellation: "A cancelled payout coming back: not income.",
  transfer: "A transfer between balances: not income.",
  transfer_failure: "A failed transfer coming back: not income.",
  transfer_cancel: "A cancelled transfer coming back: not income.",
  reserve: "Funds Shopify holds in reserve: not income.",
  reserved_funds: "Funds Shopify holds in reserve: not income.",
  reserved_funds_reversal: "Funds released from a Shopify reserve: not income.",
  chargeback_hold: "Funds held during a chargeback: not income.",
  chargeback_hold_release: "Funds released after a chargeback hold: not income.",
  advance: "A Shopify Capital advance between balances: not income.",
  advance_funding: "A Shopify Capital advance between balances: not income.",
  lending_debit: "A Shopify Capital repayment: not income.",
  lending_credit: "Shopify Capital funding: not income.",
  balance_transfer_inbound: "A transfer between balances: not income.",
  balance_transfer_outbound: "A transfer between balances: not income.",
};

function read(record: Readonly<Record<string, string>>): RecordOutcome {
  const cells = new Cells(record);
  const type = cells.get("Type");
  const key = type
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, "_");
  const skipReason = SKIP[key];
  if (skipReason !== undefined) return skip(skipReason);
  if (!INCOME.has(key) && !EXPENSE.has(key)) {
    return skip(type === "" ? "A row with no type." : `Shopify transaction type "${type}" is not one this preset counts.`);
  }

  const problems = new Problems();
  const occurredOn = readDate(cells, "Transaction Date", ["datetime", "iso"], problems);
  const amount = readAmount(cells, "Amount", ".", problems, { required: true });
  const fee = readAmount(cells, "Fee", ".", problems);
  const currency = cells.get("Currency");
  if (!/^[A-Za-z]{3}$/.test(currency)) problems.add(cells.column("Currency"), `"${currency}" is not a three-letter currency code.`);
  if (problems.any || occurredOn === undefined || amount === undefined || amount === null || fee === undefined) return invalid(problems);

  const order = cells.get("Order");
  const label = type.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  const description = order ? `${label}: order ${order}` : label;
  const shared = { occurredOn, currency, platform: PLATFORM };

  if (EXPENSE.has(key)) {
    // Bills, labels and chargeback fees come off the balance: −15.00 is a cost of 15.00 (a refund of one, negative).
    const total = fee !== null && signOfDecimal(fee) !== 0 && signOfDecimal(amount) === 0 ? negateDecimal(fee) : amount;
    if (signOfDecimal(total) === 0) return skip("A row of 0.00: no money moved.");
    return produced(transaction({ ...shared, kind: "expense", amount: negateDecimal(total), description }));
  }

  const out = [];
  if (signOfDecimal(amount) !== 0) out.push(transaction({ ...shared, kind: "income", amount, description }));
  if (fee !== null && signOfDecimal(fee) !== 0) {
    out.push(
      transaction({
        ...shared,
        kind: "expense",
        amount: fee,
        description: key === "dispute" || key === "chargeback" ? `Chargeback fee: ${description}` : `Shopify fee: ${description}`,
      }),
    );
  }
  return out.length === 0 ? skip("A row of 0.00: no money moved.") : produced(...out);
}

const REQUIRED = ["Transaction Date", "Type", "Order", "Amount", "Fee", "Net", "Currency"] as const;

export const shopifyReader: ImportReader = {
  id: "shopify",
  name: "Shopify payouts transactions",
  description:
    "Shopify Payments' transactions export (Payouts → Export transactions). Charges are income and their fees expenses; refunds and chargebacks are negative income and chargeback fees expenses; Shopify bills and shipping labels paid from the balance are expenses. Payouts, transfers, reserves and holds are skipped. Amounts are in the payout currency.",
  platform: PLATFORM,
  defaultStream: PLATFORM,
  requiredColumns: REQUIRED,
  findHeader: (firstRecords) => findHeaderRow(firstRecords, REQUIRED),
  read: (record) => read(record),
};
