import type { TransactionView } from "@/lib/schemas/transactions";

/**
 * What the forms offer: income, expense, and refund. A refund is not a kind of its own in the data: it
 * is income with a negative amount (METRICS.md "Inputs"), so it nets against the stream's income.
 */
export type EntryKind = "income" | "expense" | "refund";

export const ENTRY_KINDS: readonly EntryKind[] = ["income", "expense", "refund"];

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  income: "Income",
  expense: "Expense",
  refund: "Refund",
};

export function entryKindOf(t: Pick<TransactionView, "kind" | "amountMinor">): EntryKind {
  if (t.kind === "expense") return "expense";
  return t.amountMinor < 0 ? "refund" : "income";
}

/** A typed amount with a minus sign in front ("-50", " -12.5"). */
export function isNegative(amountText: string): boolean {
  return amountText.trim().startsWith("-");
}

/**
 * What an entry being typed is: "-50" as income is a refund (a negative income is what a refund is), so
 * the form's kind toggle, its confirmation and the list row all call it one.
 */
export function entryKindOfTyped(entry: EntryKind, amountText: string): EntryKind {
  return entry === "income" && isNegative(amountText) ? "refund" : entry;
}

/**
 * An amount as people type it, in the API's plain form: a currency sign in front goes ("$50", "-€12.50")
 * and so do thousands commas when they are plainly that ("1,000", "12,345.67"). Anything else is left as
 * typed, for the schema to refuse with its message ("1,5" could be either).
 */
export function plainAmount(typed: string): string {
  const m = /^([-+]?)\s*[$€£¥]\s*(.*)$/.exec(typed.trim());
  const text = m ? `${m[1]}${m[2]}` : typed.trim();
  return /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, "") : text;
}

/** The API's kind and signed amount for what the user typed: a refund is always sent negative. */
export function toWire(entry: EntryKind, amountText: string): { kind: "income" | "expense"; amount: string } {
  const amount = plainAmount(amountText);
  if (entry === "refund") return { kind: "income", amount: amount === "" ? "" : `-${amount.replace(/^[-+]/, "")}` };
  return { kind: entry, amount };
}

/** The amount as the edit form shows it: a refund's size without its sign (the kind says it is a refund). */
export function amountForForm(t: Pick<TransactionView, "kind" | "amount" | "amountMinor">): string {
  return entryKindOf(t) === "refund" ? t.amount.replace(/^-/, "") : t.amount;
}
