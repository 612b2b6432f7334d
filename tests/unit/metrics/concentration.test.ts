import { describe, expect, it } from "vitest";
import { computeKeyConcentration, rankKeys, streamClients } from "@/lib/metrics/concentration";
import type { KeyIncomeRow } from "@/lib/metrics/types";

const row = (key: string, display: string, income: number): KeyIncomeRow => ({ key, display, income });

describe("client and platform concentration", () => {
  it("shares of T+, top 1 and top 3, unattributed remainder, hhi among the attributed", () => {
    const ranked = rankKeys([
      row("initech", "Initech", 100),
      row("acme corp", "ACME Corp", 500),
      row("umbrella", "Umbrella", 50),
      row("globex", "Globex", 300),
      row("hooli", "Hooli", 0), // no income: takes no part
      row("refundco", "RefundCo", -20), // refunded more than paid: takes no part
    ]);
    // T+ = 1000; attributed = 500 + 300 + 100 + 50 = 950
    // top1 = 500/1000; top3 = 900/1000; unattributed = 50/1000
    // hhi = (500² + 300² + 100² + 50²) / 950² = 352500 / 902500 = 141/361
    expect(computeKeyConcentration(ranked, 1000)).toEqual({
      hhi: 141 / 361,
      top1Share: 0.5,
      top3Share: 0.9,
      unattributedShare: 0.05,
      count: 4,
      items: [
        { key: "ACME Corp", income: 500, share: 0.5 },
        { key: "Globex", income: 300, share: 0.3 },
        { key: "Initech", income: 100, share: 0.1 },
        { key: "Umbrella", income: 50, share: 0.05 },
      ],
    });
  });

  it("nothing attributed: top shares 0, everything unattributed, hhi null", () => {
    expect(computeKeyConcentration(rankKeys([]), 1000)).toEqual({
      hhi: null,
      top1Share: 0,
      top3Share: 0,
      unattributedShare: 1,
      count: 0,
      items: [],
    });
  });

  it("everything attributed leaves exactly 0 unattributed, not a float residue", () => {
    // 1/3 + 1/3 + 1/3 in floats is not exactly 1; (T+ − A)/T+ = 0 is
    const ranked = rankKeys([row("a", "A", 1), row("b", "B", 1), row("c", "C", 1)]);
    expect(computeKeyConcentration(ranked, 3).unattributedShare).toBe(0);
  });

  it("fewer than three keys: top 3 is all of them", () => {
    const ranked = rankKeys([row("a", "A", 200), row("b", "B", 100)]);
    // (200 + 100) / 400
    expect(computeKeyConcentration(ranked, 400).top3Share).toBe(0.75);
  });

  it("T+ = 0: every figure null and item shares null", () => {
    expect(computeKeyConcentration(rankKeys([row("a", "A", 10)]), 0)).toEqual({
      hhi: null,
      top1Share: null,
      top3Share: null,
      unattributedShare: null,
      count: null,
      items: [{ key: "A", income: 10, share: null }],
    });
  });

  it("a tie on income is ordered by display key", () => {
    const ranked = rankKeys([row("beta", "Beta", 100), row("alpha", "Alpha", 100), row("gamma", "Gamma", 150)]);
    expect(ranked.map((item) => item.key)).toEqual(["Gamma", "Alpha", "Beta"]);
  });

  it("a key repeated in the input is merged, keeping the first spelling in code-unit order", () => {
    // "ACME" < "Acme" because "C" (67) < "c" (99)
    expect(rankKeys([row("acme", "Acme", 100), row("acme", "ACME", 50)])).toEqual([{ key: "ACME", income: 150 }]);
  });
});

describe("streamClients: one stream's clients and their share of its income", () => {
  it("merges spellings, keeps positive clients, ranks them, and divides by the stream's income", () => {
    // acme: 300 + 100 = 400 over two rows of spellings; globex 150; initech −20 (a refund only): left out
    // the stream earned 600 in all (some of it from no client): shares 400/600 and 150/600
    const rows = [
      { key: "acme", display: "Acme", income: 300, payments: 2 },
      { key: "globex", display: "Globex", income: 150, payments: 1 },
      { key: "acme", display: "ACME", income: 100, payments: 1 },
      { key: "initech", display: "Initech", income: -20, payments: 1 },
    ];
    expect(streamClients(rows, 600)).toEqual([
      { key: "ACME", income: 400, share: 2 / 3, payments: 3 },
      { key: "Globex", income: 150, share: 0.25, payments: 1 },
    ]);
  });

  it("no shares when the stream earned nothing overall (refunds outweigh sales)", () => {
    expect(streamClients([{ key: "a", display: "A", income: 50, payments: 1 }], -10)).toEqual([
      { key: "A", income: 50, share: null, payments: 1 },
    ]);
    expect(streamClients([], 0)).toEqual([]);
  });
});
