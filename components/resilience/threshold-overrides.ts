import { DEFAULT_THRESHOLDS, RULE_IDS, type RuleId, type RuleThreshold } from "@/lib/metrics/thresholds";
import type { SettingsView } from "@/lib/schemas/settings";

export type Overrides = Partial<Record<RuleId, RuleThreshold>>;

/** The user's overrides as stored: every rule whose thresholds are not the defaults. */
export function currentOverrides(settings: SettingsView): Overrides {
  const out: Overrides = {};
  for (const id of RULE_IDS) {
    const t = settings.thresholds[id];
    if (t && !t.isDefault) out[id] = { pass: t.pass, warn: t.warn };
  }
  return out;
}

/**
 * The full overrides object after changing one rule (PATCH /api/v1/settings replaces the whole object, so
 * the other rules' overrides must travel along). A rule set back to its default values, or `null`, is left
 * out so it follows the defaults again; nothing left over is sent as `null` (every rule on defaults).
 */
export function overridesWith(settings: SettingsView, id: RuleId, next: RuleThreshold | null): Overrides | null {
  const out = currentOverrides(settings);
  const def = DEFAULT_THRESHOLDS[id];
  if (next === null || (next.pass === def.pass && next.warn === def.warn)) delete out[id];
  else out[id] = next;
  return Object.keys(out).length > 0 ? out : null;
}
