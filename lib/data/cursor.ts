import "server-only";
import { unprocessable } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import { isDateInRange } from "@/lib/schemas/common";

/**
 * The one keyset cursor of every newest-first list: the (date, id) of the last row of a page, opaque to
 * clients (base64url JSON), checked on the way back so a malformed one is a 422, never a SQL error (an
 * edited one that still decodes is only another position in the caller's own list).
 */
export function encodeCursor(row: { occurredOn: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.occurredOn, row.id])).toString("base64url");
}

export function decodeCursor(cursor: string): { occurredOn: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown;
    if (Array.isArray(v) && typeof v[0] === "string" && isDateInRange(v[0]) && typeof v[1] === "string" && isUuid(v[1])) {
      return { occurredOn: v[0], id: v[1] };
    }
  } catch {
    // not base64url JSON: fall through to the same answer
  }
  throw unprocessable("The cursor is not valid.", [{ path: "cursor", message: "Use the nextCursor of a previous page." }]);
}

/**
 * A cursor's timestamp as our own cursors write it (ISO 8601 UTC, `Z`, up to microseconds) naming a real
 * instant Postgres can hold: a forged "2024-02-30T…" or "0000-01-01T…" is a 422 like any bad cursor.
 */
export function isCursorTimestamp(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?Z$/.exec(s);
  return m !== null && isDateInRange(m[1]!) && !Number.isNaN(Date.parse(s));
}

/** A page of `limit` rows from a query that fetched limit + 1, and the cursor to the next one. */
export function pageOf<T extends { occurredOn: string; id: string }>(
  rows: readonly T[],
  limit: number,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
