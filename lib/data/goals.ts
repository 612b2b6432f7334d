import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { goals } from "@/db/schema";
import { getStream } from "@/lib/data/streams";
import { userBaseCurrency } from "@/lib/data/users";
import { ApiError, notFound, unprocessable, type FieldError } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import { formatMinor, parseAmount } from "@/lib/metrics/money";
import type { CreateGoalInput } from "@/lib/schemas/goals";

const columns = {
  id: goals.id,
  streamId: goals.streamId,
  targetMinor: goals.targetMinor,
  effectiveFrom: goals.effectiveFrom,
  createdAt: goals.createdAt,
  updatedAt: goals.updatedAt,
};

// Goals are amounts in the base currency, so they are shown in whatever the base is now.
interface GoalRow {
  id: string;
  streamId: string | null;
  targetMinor: number;
  effectiveFrom: string;
  createdAt: Date;
  updatedAt: Date;
}

const present = (row: GoalRow, base: string) => ({
  id: row.id,
  streamId: row.streamId,
  amount: formatMinor(row.targetMinor, base),
  amountMinor: row.targetMinor,
  currency: base,
  effectiveFrom: row.effectiveFrom,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export async function listGoals(userId: string) {
  const base = await userBaseCurrency(userId);
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(goals)
    .where(eq(goals.userId, userId))
    .orderBy(sql`${goals.streamId} nulls first`, asc(goals.effectiveFrom));
  return rows.map((r) => present(r, base));
}

/**
 * Sets the target of one owner (the portfolio or a stream) from a month on. Setting it again for the
 * same owner and month replaces the target: the goal is a step function, one step per month at most.
 */
export async function setGoal(userId: string, input: CreateGoalInput) {
  const base = await userBaseCurrency(userId);
  const errors: FieldError[] = [];
  if (input.streamId !== null) {
    try {
      await getStream(userId, input.streamId);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
      errors.push({ path: "streamId", message: "No such stream." });
    }
  }
  const parsed = parseAmount(input.amount, base);
  if (!parsed.ok || parsed.minor < 0) errors.push({ path: "amount", message: parsed.ok ? "A target cannot be negative." : parsed.message });
  if (errors.length || !parsed.ok) throw unprocessable("The goal did not pass validation.", errors);
  const db = await getDb();
  const [row] = await db
    .insert(goals)
    .values({ userId, streamId: input.streamId, targetMinor: parsed.minor, effectiveFrom: input.effectiveFrom })
    .onConflictDoUpdate({
      target: [goals.userId, goals.streamId, goals.effectiveFrom],
      set: { targetMinor: parsed.minor, updatedAt: sql`now()` },
    })
    .returning({ ...columns, created: sql<boolean>`(xmax = 0)` });
  const { created, ...rest } = row!;
  return { goal: present(rest, base), created };
}

export async function deleteGoal(userId: string, id: string) {
  if (!isUuid(id)) throw notFound("Goal");
  const base = await userBaseCurrency(userId);
  const db = await getDb();
  const [row] = await db
    .delete(goals)
    .where(and(eq(goals.id, id), eq(goals.userId, userId)))
    .returning(columns);
  if (!row) throw notFound("Goal");
  return present(row, base);
}
