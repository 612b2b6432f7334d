import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { importMappings } from "@/db/schema";
import { conflict, notFound, pgCode } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import type { ImportMappingInput } from "@/lib/schemas/imports";

const columns = {
  id: importMappings.id,
  name: importMappings.name,
  mapping: importMappings.mapping,
  createdAt: importMappings.createdAt,
  updatedAt: importMappings.updatedAt,
};

export async function listImportMappings(userId: string) {
  const db = await getDb();
  return db
    .select(columns)
    .from(importMappings)
    .where(eq(importMappings.userId, userId))
    .orderBy(asc(sql`lower(${importMappings.name})`), asc(importMappings.id));
}

export async function getImportMapping(userId: string, id: string) {
  if (!isUuid(id)) throw notFound("Mapping");
  const db = await getDb();
  const [row] = await db
    .select(columns)
    .from(importMappings)
    .where(and(eq(importMappings.id, id), eq(importMappings.userId, userId)))
    .limit(1);
  if (!row) throw notFound("Mapping");
  return row;
}

/** Names are unique per user regardless of case, like streams. */
export async function createImportMapping(userId: string, input: ImportMappingInput) {
  const db = await getDb();
  try {
    const [row] = await db.insert(importMappings).values({ userId, name: input.name, mapping: input.mapping }).returning(columns);
    return row!;
  } catch (err) {
    if (pgCode(err) === "23505") {
      const message = `You already have a mapping named “${input.name}”.`;
      throw conflict(message, [{ path: "name", message }]);
    }
    throw err;
  }
}

export async function deleteImportMapping(userId: string, id: string) {
  if (!isUuid(id)) throw notFound("Mapping");
  const db = await getDb();
  const [row] = await db
    .delete(importMappings)
    .where(and(eq(importMappings.id, id), eq(importMappings.userId, userId)))
    .returning(columns);
  if (!row) throw notFound("Mapping");
  return row;
}
