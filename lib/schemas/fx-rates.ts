import { z } from "zod";
import { isCurrency, parseRate } from "@/lib/metrics/money";
import { currencyCode, recordDate, timestamp } from "./common";

export const fxRateInput = z.object({
  currency: currencyCode
    .refine(isCurrency, "Not an ISO 4217 currency code.")
    .meta({ description: "The currency priced.", examples: ["EUR"] }),
  date: recordDate.meta({ description: "The day the rate applies from, YYYY-MM-DD (1970 to a year from today)." }),
  rate: z
    .union([z.string(), z.number()])
    .meta({ description: "Base-currency units per one unit of `currency`, as an exact decimal.", examples: ["1.0825"] })
    .transform((v) => String(v).trim())
    .transform((v, ctx) => {
      const parsed = parseRate(v);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    }),
});
export type FxRateInput = z.output<typeof fxRateInput>;

export const listFxRatesQuery = z.object({ currency: currencyCode.optional() });

export const fxRateResponse = z.object({
  id: z.string(),
  baseCurrency: z.string(),
  currency: z.string(),
  date: z.string(),
  /** Base-currency units per one unit of `currency`, as an exact decimal string ("1.0825"). */
  rate: z.string().transform((v) => {
    const canonical = parseRate(v);
    return canonical.ok ? canonical.value : v;
  }),
  source: z
    .enum(["manual", "ecb"])
    .meta({ description: "`manual`: entered by you (always wins); `ecb`: fetched from the ECB's reference rates." }),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type FxRateView = z.output<typeof fxRateResponse>;
