// Every platform's sample file through POST /api/v1/imports with its preset: it imports without an invalid
// row into the preset's own stream, the transactions are the ones the reader's unit test lists by hand
// (counted here), and importing the same file again adds nothing.
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/imports/route";
import { PLATFORM_READERS } from "@/lib/import/presets/platforms";
import { call, makeUser, type TestUser } from "../support/api";

const fixtures = path.join(process.cwd(), "tests", "fixtures", "imports");

/** What the reader makes of the file on its own: the transactions and skips the engine must match. */
function expectedOf(id: string, text: string) {
  const reader = PLATFORM_READERS.find((r) => r.id === id)!;
  const records = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" }).data;
  const header = reader.findHeader(records.slice(0, 20));
  expect(header, `${id}: header`).not.toBeNull();
  let transactions = 0;
  let skipped = 0;
  for (const cells of records.slice(header! + 1)) {
    const record = Object.fromEntries(records[header!]!.map((h, i) => [h.trim(), (cells[i] ?? "").trim()]));
    const outcome = reader.read(record, 0);
    if (outcome.type === "transactions") transactions += outcome.transactions.length;
    else if (outcome.type === "skip") skipped += 1;
  }
  return { transactions, skipped };
}

describe("platform presets through the import route", () => {
  let u: TestUser;
  beforeAll(async () => {
    u = await makeUser("Importer");
  });

  it.each(PLATFORM_READERS.filter((r) => fs.existsSync(path.join(fixtures, `${r.id}.csv`))).map((r) => [r.id, r.defaultStream] as const))(
    "%s: the sample imports whole, into %s, and again adds nothing",
    async (id, stream) => {
      const text = fs.readFileSync(path.join(fixtures, `${id}.csv`), "utf8");
      const expected = expectedOf(id, text);
      const post = () =>
        call(importRoute, "/api/v1/imports", {
          method: "POST",
          auth: { token: u.writeToken },
          rawBody: text,
          headers: { "content-type": "text/csv" },
          query: { preset: id, fileName: `${id}.csv` },
        });
      const first = await post();
      expect(first.status, JSON.stringify(first.json)).toBe(201);
      expect(first.json).toMatchObject({ inserted: expected.transactions, duplicates: 0, skipped: expected.skipped, errors: [] });
      expect(first.json.createdStreams).toEqual([stream]);
      // a second import is recorded too (201), with nothing new in it
      const again = await post();
      expect(again.status, JSON.stringify(again.json)).toBe(201);
      expect(again.json).toMatchObject({ inserted: 0, duplicates: expected.transactions, errors: [] });
    },
  );
});
