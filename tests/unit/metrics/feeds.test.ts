import { describe, expect, it } from "vitest";
import { feederExposure } from "@/lib/metrics/feeds";

describe("feederExposure", () => {
  const shares = new Map<string, number | null>([
    ["yt", 0.2],
    ["consulting", 0.5],
    ["templates", 0.1],
    ["blog", null],
  ]);

  it("adds the shares of every stream a feeder reaches, directly or through others, once each", () => {
    // yt → consulting → templates, and yt → templates directly: templates counts once.
    // yt: 0.2 + 0.5 + 0.1 = 0.8; consulting: 0.5 + 0.1 = 0.6.
    const got = feederExposure(shares, [
      { from: "yt", to: "consulting" },
      { from: "consulting", to: "templates" },
      { from: "yt", to: "templates" },
    ]);
    expect(got.map((g) => [g.id, g.reaches, g.shareAtRisk])).toEqual([
      ["yt", ["consulting", "templates"], expect.closeTo(0.8, 12)],
      ["consulting", ["templates"], expect.closeTo(0.6, 12)],
    ]);
  });

  it("survives a cycle and counts a stream without income as 0", () => {
    // blog ↔ templates: blog reaches templates (0 + 0.1); templates reaches blog (0.1 + 0).
    const got = feederExposure(shares, [
      { from: "blog", to: "templates" },
      { from: "templates", to: "blog" },
    ]);
    expect(got).toEqual([
      { id: "blog", reaches: ["templates"], shareAtRisk: 0.1 },
      { id: "templates", reaches: ["blog"], shareAtRisk: 0.1 },
    ]);
  });

  it("answers nothing without links, and ignores a link to itself", () => {
    expect(feederExposure(shares, [])).toEqual([]);
    expect(feederExposure(shares, [{ from: "yt", to: "yt" }])).toEqual([]);
  });
});
