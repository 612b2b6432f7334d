import { z } from "zod";
import { monthString } from "./common";

export const MAX_WINDOW_MONTHS = 120;

export const metricsQuery = z
  .object({ from: monthString.optional(), to: monthString.optional() })
  .superRefine((v, ctx) => {
    if ((v.from === undefined) !== (v.to === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.from === undefined ? "from" : "to"], message: "Give both from and to, or neither." });
      return;
    }
    if (v.from && v.to) {
      if (v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "to must not be before from." });
      const [fy, fm] = v.from.split("-").map(Number) as [number, number];
      const [ty, tm] = v.to.split("-").map(Number) as [number, number];
      if ((ty - fy) * 12 + (tm - fm) + 1 > MAX_WINDOW_MONTHS) {
        ctx.addIssue({ code: "custom", path: ["to"], message: `A window holds at most ${MAX_WINDOW_MONTHS} months.` });
      }
    }
  });
export type MetricsQuery = z.output<typeof metricsQuery>;
