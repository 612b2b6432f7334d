/**
 * Wise: the balance statement as CSV (Account → a balance → Statements → CSV), and the transaction history
 * CSV (Transactions → Download → CSV) that has a Direction column. Both are read.
 *
 * Sources:
 * - Balance statements in public code that reads real ones: the column list "TransferWise ID",Date,"Date Time",
 *   Amount,Currency,Description,"Payment Reference","Running Balance","Exchange From","Exchange To",
 *   "Exchange Rate","Payer Name","Payee Name","Payee Account Number",Merchant,"Card Last Four Digits",
 *   "Card Holder Full Name",Attachment,Note,"Total fees","Exchange To Amount","Transaction Type",
 *   "Transaction Details Type" (a Hungarian freelancer's invoicing tool, found with find_string "Transaction
 *   Details Type"); older statements stop at "Total fees" (found with "TransferWise ID,Date,Amount,Currency").
 *   Dates DD-MM-YYYY ("01-06-2026", "Date Time" "01-06-2026 19:57:37.833"); Amount signed with a dot
 *   ("-71440.00"); ids "TRANSFER-…", "CARD-…", "BALANCE-…"; Transaction Type DEBIT/CREDIT; Transaction Details
 *   Type CARD, TRANSFER, DEPOSIT, CONVERSION, MONEY_ADDED, DIRECT_DEBIT, ACCRUAL_CHARGE, ACCRUAL_CHECKOUT,
 *   INTEREST (a personal-finance ingest that maps them, and treats CONVERSION/MONEY_ADDED as moves between
 *   one's own balances and ACCRUAL_CHECKOUT/INTEREST as interest).
 * - The transaction-history CSV, as several importers read it: "ID,Status,Direction,Created on,Finished on,
 *   Source fee amount,Source fee currency,Target fee amount,Target fee currency,Source name,Source amount
 *   (after fees),Source currency,Target name,Target amount (after fees),Target currency,Exchange rate,Reference,
 *   Batch,Created by,Category,Note"; Status COMPLETED/CANCELLED/…; Direction IN/OUT/NEUTRAL; "Created on"
 *   "2026-08-03 14:20:05"; an IN row's fee on the target side (2505.00 sent, 5.00 fee, 2500.00 received).
 *
 * Reading: money received into a balance (a transfer or a deposit to your account details) is income at its
 * gross (what landed plus Wise's fee on it) with Wise's fee an expense (":fee"); a fee Wise took on a
 * conversion is an expense, the conversion itself is skipped. Money sent (to anyone, your own bank included;
 * a refund you send is not told apart), card spending and its refunds, money you added, moves between your
 * own balances or jars, interest and cancelled or pending transfers are skipped.
 */
import type { ImportReader, RecordOutcome } from "../types";
import { addDecimal, signOfDecimal } from "../values";
import { Cells, Problems, findHeaderRow, invalid, produced, readAmount, readDate, skip, transaction } from "./kit";

const PLATFORM = "Wise";

function currencyOf(cells: Cells, column: string, problems: Problems): string | undefined {
  const value = cells.get(column);
  if (/^[A-Za-z]{3}$/.test(value)) return value.toUpperCase();
  problems.add(cells.column(column), `"${value}" is not a three-letter currency code.`);
  return undefined;
}

/** The balance statement: one signed Amount per row. */
function readStatement(cells: Cells): RecordOutcome {
  const id = cells.get("TransferWise ID");
  const details = cells.get("Transaction Details Type").toUpperCase();
  const description = cells.get("Description");
  const problems = new Problems();
  const amount = readAmount(cells, "Amount", ".", problems, { required: true });
  const fees = readAmount(cells, "Total fees", ".", problems);
  if (problems.any || amount === undefined || amount === null || fees === undefined) return invalid(problems);

  const direction = cells.get("Transaction Type").toUpperCase() || (signOfDecimal(amount) < 0 ? "DEBIT" : "CREDIT");
  const conversion = details === "CONVERSION" || (details === "" && /^converted\b|^moved\b/i.test(description));
  let reason: string | null = null;
  if (conversion) reason = "A conversion or move between your own Wise balances: not income.";
  else if (details === "CARD" || id.startsWith("CARD-")) reason = "Card spending (or its refund): not income of this stream.";
  else if (details === "DIRECT_DEBIT") reason = "A direct debit: not income of this stream.";
  else if (details === "MONEY_ADDED" || /^topped up|^added money/i.test(description)) reason = "Money you added to Wise: not income.";
  else if (["ACCRUAL_CHARGE", "ACCRUAL_CHECKOUT", "INTEREST", "INVESTMENT_TRADE_ORDER", "BALANCE_CASHBACK"].includes(details)) {
    reason = "Interest, cashback or investment activity on your balance: not income of this stream.";
  } else if (direction === "DEBIT") reason = "Money sent from Wise (to your bank or anyone else): not income.";
  else if (details !== "" && details !== "TRANSFER" && details !== "DEPOSIT")
    reason = `Wise transaction type "${details}" is not one this preset counts.`;

  const hasFee = fees !== null && signOfDecimal(fees) > 0;
  if (reason !== null && !(conversion && hasFee)) return skip(reason);

  const occurredOn = readDate(cells, cells.get("Date") !== "" ? "Date" : "Date Time", ["dd-mm-yyyy", "iso", "datetime"], problems);
  const currency = currencyOf(cells, "Currency", problems);
  if (problems.any || occurredOn === undefined || currency === undefined) return invalid(problems);
  const shared = { occurredOn, currency, platform: PLATFORM };
  const feeTransaction = (text: string) =>
    transaction({ ...shared, kind: "expense", amount: fees ?? "0", description: `Wise fee: ${text}`, externalId: id ? `${id}:fee` : null });

  if (conversion) return produced(feeTransaction(description || "Conversion"));
  // Received: Amount is what landed; Wise's fee was taken before it did.
  const gross = hasFee ? addDecimal(amount, fees ?? "0") : amount;
  const text = description || cells.get("Payment Reference") || "Money received";
  const income = transaction({
    ...shared,
    kind: "income",
    amount: gross,
    counterparty: cells.get("Payer Name") || null,
    description: text,
    externalId: id || null,
  });
  return hasFee ? produced(income, { ...feeTransaction(text), counterparty: income.counterparty }) : produced(income);
}

/** The transaction history: a Direction, and amounts after fees on each side. */
function readHistory(cells: Cells): RecordOutcome {
  const status = cells.get("Status").toUpperCase();
  if (status !== "COMPLETED") return skip(`Status "${cells.get("Status")}": only completed transfers are counted.`);
  const direction = cells.get("Direction").toUpperCase();
  const id = cells.get("ID");
  const source = cells.get("Source name");
  const target = cells.get("Target name");
  const problems = new Problems();

  if (direction === "OUT") return skip("Money sent from Wise (to your bank or anyone else): not income.");
  if (direction === "NEUTRAL") {
    const fee = readAmount(cells, "Source fee amount", ".", problems);
    if (problems.any || fee === undefined) return invalid(problems);
    if (fee === null || signOfDecimal(fee) <= 0) return skip("A conversion or move between your own Wise balances: not income.");
    const occurredOn = readDate(cells, "Created on", ["datetime", "iso"], problems);
    const currency = currencyOf(cells, cells.get("Source fee currency") !== "" ? "Source fee currency" : "Source currency", problems);
    if (problems.any || occurredOn === undefined || currency === undefined) return invalid(problems);
    return produced(
      transaction({
        occurredOn,
        currency,
        platform: PLATFORM,
        kind: "expense",
        amount: fee,
        description: "Wise fee: conversion",
        externalId: id ? `${id}:fee` : null,
      }),
    );
  }
  if (direction !== "IN") return skip(`Direction "${cells.get("Direction")}" is not IN, OUT or NEUTRAL.`);
  if (id.toUpperCase().startsWith("CARD")) return skip("Card spending (or its refund): not income of this stream.");
  if (cells.get("Category").toLowerCase() === "money added" || (source !== "" && source.toLowerCase() === target.toLowerCase())) {
    return skip("Money you moved in from your own account: not income.");
  }

  const occurredOn = readDate(cells, "Created on", ["datetime", "iso"], problems);
  const received = readAmount(cells, "Target amount (after fees)", ".", problems, { required: true });
  const fee = readAmount(cells, "Target fee amount", ".", problems);
  const currency = currencyOf(cells, "Target currency", problems);
  if (
    problems.any ||
    occurredOn === undefined ||
    received === undefined ||
    received === null ||
    fee === undefined ||
    currency === undefined
  ) {
    return invalid(problems);
  }
  const hasFee = fee !== null && signOfDecimal(fee) > 0;
  const text = cells.get("Reference") || (source ? `Received from ${source}` : "Money received");
  const shared = { occurredOn, currency, platform: PLATFORM, counterparty: source || null };
  // 2500.00 received after a 5.00 fee: 2505.00 of income and 5.00 of cost.
  const income = transaction({
    ...shared,
    kind: "income",
    amount: hasFee ? addDecimal(received, fee ?? "0") : received,
    description: text,
    externalId: id || null,
  });
  if (!hasFee) return produced(income);
  return produced(
    income,
    transaction({ ...shared, kind: "expense", amount: fee ?? "0", description: `Wise fee: ${text}`, externalId: id ? `${id}:fee` : null }),
  );
}

const STATEMENT = ["TransferWise ID", "Date", "Amount", "Currency", "Description"] as const;
const HISTORY = ["ID", "Status", "Direction", "Created on", "Target amount (after fees)", "Target currency"] as const;

export const wiseReader: ImportReader = {
  id: "wise",
  name: "Wise balance statement",
  description:
    "A Wise balance statement as CSV (a balance → Statements → CSV), or Wise's transaction history CSV with its Direction column. Money received is income, Wise's fees on it and on conversions are expenses. Money sent, card spending, conversions, top-ups, moves between your balances and interest are skipped.",
  platform: PLATFORM,
  defaultStream: PLATFORM,
  requiredColumns: STATEMENT,
  findHeader: (firstRecords) => findHeaderRow(firstRecords, STATEMENT) ?? findHeaderRow(firstRecords, HISTORY),
  read: (record) => {
    const cells = new Cells(record);
    return cells.has("TransferWise ID") ? readStatement(cells) : readHistory(cells);
  },
};
