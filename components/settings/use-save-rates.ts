"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { FxRateView } from "@/lib/schemas/fx-rates";

export type RatesBody = { rate: { currency: string; date: string; rate: string } } | { csv: string };
export type SavedRates = { inserted: number; data: FxRateView[] };

/**
 * POST /api/v1/fx-rates with one rate (JSON) or a CSV. A rate re-prices the transactions in its
 * currency, so every cached figure is stale afterwards, not just the rate list.
 */
export function useSaveRates() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: RatesBody): Promise<SavedRates> => {
      if ("csv" in body) {
        return apiFetch<SavedRates>("/api/v1/fx-rates", { method: "POST", body: body.csv, headers: { "content-type": "text/csv" } });
      }
      const one = await apiFetch<FxRateView>("/api/v1/fx-rates", { method: "POST", json: body.rate });
      return { inserted: 1, data: [one] };
    },
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "settings" && q.queryKey[0] !== "tokens" }),
  });
}
