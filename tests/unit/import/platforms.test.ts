import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { PLATFORM_READERS } from "@/lib/import/presets/platforms";
import { fixture, runReader } from "./run-reader";

const FIXTURES: Record<string, string> = {
  stripe: "stripe.csv",
  paypal: "paypal.csv",
  "paypal-dmy": "paypal.csv",
  gumroad: "gumroad.csv",
  etsy: "etsy.csv",
  upwork: "upwork.csv",
  wise: "wise.csv",
  shopify: "shopify.csv",
  "amazon-associates": "amazon-associates.csv",
};

const firstRecords = (name: string) => Papa.parse<string[]>(fixture(name), { skipEmptyLines: "greedy" }).data.slice(0, 30);

describe("PLATFORM_READERS: the platform presets", () => {
  it("has one reader per platform, each with its own id, its platform's name as the default stream", () => {
    const ids = PLATFORM_READERS.map((r) => r.id);
    expect(ids).toEqual(["stripe", "paypal", "paypal-dmy", "gumroad", "etsy", "upwork", "wise", "shopify", "amazon-associates"]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const reader of PLATFORM_READERS) {
      expect(reader.platform).toBeTruthy();
      expect(reader.defaultStream).toBe(reader.platform);
      expect(reader.name.length).toBeGreaterThan(0);
      expect(reader.description.length).toBeGreaterThan(40);
      expect(reader.requiredColumns.length).toBeGreaterThan(0);
    }
  });

  it("recognises its own sample file and no other platform's", () => {
    for (const reader of PLATFORM_READERS) {
      for (const [id, file] of Object.entries(FIXTURES)) {
        const own = file === FIXTURES[reader.id];
        expect(reader.findHeader(firstRecords(file)) !== null, `${reader.id} on ${id}'s file`).toBe(own);
      }
    }
  });

  it("is pure: reading the same file twice gives the same outcomes, and no record is invalid", () => {
    for (const reader of PLATFORM_READERS) {
      const file = FIXTURES[reader.id];
      if (file === undefined) throw new Error(`no fixture for ${reader.id}`);
      const text = fixture(file);
      const first = runReader(reader, text);
      expect(runReader(reader, text)).toEqual(first);
      // The M/D/YYYY sample read day first is the one expected failure (its dates only fit month first).
      if (reader.id !== "paypal-dmy")
        expect(
          first.outcomes.filter((o) => o.outcome.type === "invalid"),
          reader.id,
        ).toEqual([]);
    }
  });

  it("never produces a float-looking or zero amount, a bad date, an over-long text or a repeated id", () => {
    for (const reader of PLATFORM_READERS) {
      const file = FIXTURES[reader.id];
      if (file === undefined) continue;
      const ids: string[] = [];
      for (const { outcome } of runReader(reader, fixture(file)).outcomes) {
        if (outcome.type !== "transactions") continue;
        for (const t of outcome.transactions) {
          expect(t.amount).toMatch(/^-?\d+(\.\d+)?$/);
          expect(t.amount).not.toMatch(/^-?0(\.0+)?$/);
          expect(t.occurredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(t.currency === null || /^[A-Z]{3}$/.test(t.currency)).toBe(true);
          expect((t.description ?? "").length).toBeLessThanOrEqual(500);
          expect((t.counterparty ?? "").length).toBeLessThanOrEqual(120);
          expect(t.platform).toBe(reader.platform);
        }
        for (const t of outcome.transactions) if (t.externalId !== null) ids.push(t.externalId);
      }
      // Every produced transaction's id is its own across the file ("txn_1" and "txn_1:fee").
      expect(new Set(ids).size, reader.id).toBe(ids.length);
    }
  });
});
