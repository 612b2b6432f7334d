"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { apiFetch } from "@/lib/api-client";
import { metricsKeys, settingsKeys } from "@/lib/queries";
import type { SettingsView, updateSettingsInput } from "@/lib/schemas/settings";

export type SettingsPatch = z.input<typeof updateSettingsInput>;

/**
 * PATCH /api/v1/settings, then put the answer in the cache. What else goes stale depends on the field:
 * a new base currency re-prices every transaction and swaps the rate table, a new time zone moves
 * "this month", so every cached figure is refetched; expenses, buffer, thresholds and the target mix
 * only change the metrics. Name, currency and zone also show in server-rendered parts (the shell).
 */
export function useUpdateSettings() {
  const qc = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => apiFetch<SettingsView>("/api/v1/settings", { method: "PATCH", json: patch }),
    onSuccess: (saved, patch) => {
      qc.setQueryData(settingsKeys.settings(), saved);
      const everything = patch.baseCurrency !== undefined || patch.timeZone !== undefined;
      if (everything) {
        void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "settings" && q.queryKey[0] !== "tokens" });
      } else {
        void qc.invalidateQueries({ queryKey: metricsKeys.all() });
      }
      if (everything || patch.name !== undefined) router.refresh();
    },
  });
}
