import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { goals, users } from "@/db/schema";
import { repriceWithinLimits } from "@/lib/data/fx";
import { notFound, unprocessable, type FieldError } from "@/lib/http-errors";
import { currencyExponent, formatMinor, MAX_AMOUNT_MINOR, parseAmount, roundHalfEven } from "@/lib/metrics/money";
import { DEFAULT_THRESHOLDS, RULE_IDS } from "@/lib/metrics/thresholds";
import type { UpdateSettingsInput } from "@/lib/schemas/settings";

const columns = {
  name: users.name,
  email: users.email,
  baseCurrency: users.baseCurrency,
  timeZone: users.timeZone,
  essential: users.essentialMonthlyExpenses,
  buffer: users.cashBuffer,
  // numeric(5,4) answered as the number the API gives (0.25), not the text "0.2500".
  taxRate: sql<number | null>`${users.taxRate}::float8`,
  thresholds: users.thresholds,
  targetMix: users.targetMix,
  updatedAt: users.updatedAt,
};

interface Row {
  name: string;
  email: string;
  baseCurrency: string;
  timeZone: string;
  essential: number | null;
  buffer: number | null;
  taxRate: number | null;
  thresholds: Record<string, { pass: number; warn: number }>;
  targetMix: Record<string, number> | null;
  updatedAt: Date;
}

function present(row: Row) {
  const overrides = row.thresholds ?? {};
  return {
    name: row.name,
    email: row.email,
    baseCurrency: row.baseCurrency,
    timeZone: row.timeZone,
    essentialMonthlyExpenses: row.essential === null ? null : formatMinor(row.essential, row.baseCurrency),
    essentialMonthlyExpensesMinor: row.essential,
    cashBuffer: row.buffer === null ? null : formatMinor(row.buffer, row.baseCurrency),
    cashBufferMinor: row.buffer,
    taxRate: row.taxRate,
    thresholds: Object.fromEntries(
      RULE_IDS.map((id) => {
        const own = overrides[id];
        const def = DEFAULT_THRESHOLDS[id];
        return [id, { pass: own?.pass ?? def.pass, warn: own?.warn ?? def.warn, direction: def.direction, isDefault: !own }];
      }),
    ),
    targetMix: (row.targetMix as { anchor: number; growth: number; speculative: number } | null) ?? null,
    updatedAt: row.updatedAt,
  };
}

export async function getSettings(userId: string) {
  const db = await getDb();
  const [row] = await db.select(columns).from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw notFound("User");
  return present(row);
}

/**
 * Keeps a stored amount's decimal value when the base currency's exponent changes (3000.00 USD → 3000 JPY):
 * without a rate between the two bases, the number the user typed is the best guess, and the settings
 * page asks them to review it. Ties round to even like every other conversion.
 */
function rescale(minor: number, from: string, to: string): number;
function rescale(minor: number | null, from: string, to: string): number | null;
function rescale(minor: number | null, from: string, to: string): number | null {
  if (minor === null) return null;
  const shift = (currencyExponent(to) ?? 2) - (currencyExponent(from) ?? 2);
  return shift >= 0 ? minor * 10 ** shift : Number(roundHalfEven(BigInt(minor), 10n ** BigInt(-shift)));
}

/**
 * Changes settings in one transaction. A new base currency re-prices every transaction with the rates
 * quoted in that currency, and the rollups follow through their triggers, so every figure is recomputed.
 */
export async function updateSettings(userId: string, patch: UpdateSettingsInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Locks the user row: a concurrent base change or rate upsert waits, and pricing writes wait on it.
    const [current] = await tx.select(columns).from(users).where(eq(users.id, userId)).limit(1).for("update");
    if (!current) throw notFound("User");
    const base = patch.baseCurrency ?? current.baseCurrency;
    const errors: FieldError[] = [];
    const money = (value: string | number | null | undefined, field: string, stored: number | null) => {
      if (value === undefined) return rescale(stored, current.baseCurrency, base);
      if (value === null) return null;
      const parsed = parseAmount(value, base);
      if (!parsed.ok) errors.push({ path: field, message: parsed.message });
      else if (parsed.minor < 0) errors.push({ path: field, message: "Cannot be negative." });
      return parsed.ok ? parsed.minor : null;
    };
    const essential = money(patch.essentialMonthlyExpenses, "essentialMonthlyExpenses", current.essential);
    const buffer = money(patch.cashBuffer, "cashBuffer", current.buffer);
    if (errors.length) throw unprocessable("The settings did not pass validation.", errors);

    await tx
      .update(users)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        baseCurrency: base,
        ...(patch.timeZone !== undefined ? { timeZone: patch.timeZone } : {}),
        essentialMonthlyExpenses: essential,
        cashBuffer: buffer,
        ...(patch.taxRate !== undefined ? { taxRate: patch.taxRate } : {}),
        ...(patch.thresholds !== undefined ? { thresholds: patch.thresholds ?? {} } : {}),
        ...(patch.targetMix !== undefined ? { targetMix: patch.targetMix } : {}),
      })
      .where(eq(users.id, userId));
    if (base !== current.baseCurrency) {
      await repriceWithinLimits(tx, userId, base, "baseCurrency");
      // Goals are base-currency amounts too: they keep their value the same way as E* and B.
      const owned = await tx.select({ id: goals.id, target: goals.targetMinor }).from(goals).where(eq(goals.userId, userId));
      // More minor units per unit (JPY to KWD: × 1,000) must still leave every amount within the limit.
      if (
        [essential, buffer, ...owned.map((g) => rescale(g.target, current.baseCurrency, base))].some(
          (m) => m !== null && m > MAX_AMOUNT_MINOR,
        )
      )
        throw unprocessable("The settings did not pass validation.", [
          {
            path: "baseCurrency",
            message: "In this currency's minor units, a goal, the cash buffer or the essential expenses would be too large.",
          },
        ]);
      for (const g of owned) {
        await tx
          .update(goals)
          .set({ targetMinor: rescale(g.target, current.baseCurrency, base) })
          .where(and(eq(goals.id, g.id), eq(goals.userId, userId)));
      }
    }
    const [row] = await tx.select(columns).from(users).where(eq(users.id, userId)).limit(1);
    return present(row!);
  });
}
