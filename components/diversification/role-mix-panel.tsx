import Link from "next/link";
import { ShareBars } from "@/components/charts/share-bars";
import { noHistoryText } from "@/components/dashboard/history-text";
import { Panel } from "@/components/dashboard/panel";
import { formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { widestMixGap } from "@/lib/metrics/bands";
import type { MetricsView } from "@/lib/schemas/metrics";
import type { StreamRole } from "@/lib/schemas/streams";
import type { SettingsView } from "@/lib/schemas/settings";
import { inlineLink, ROLES, roleLabel } from "@/components/dashboard/labels";
import { ShareTable } from "./share-table";

type Props = {
  metrics: MetricsView | undefined;
  targetMix: SettingsView["targetMix"] | undefined;
  loading: boolean;
  error: boolean;
};

// The same hues as the role badges on the streams pages (info, success, warning), from the chart palette.
const ROLE_COLORS: Record<StreamRole, string> = { anchor: "var(--chart-1)", growth: "var(--chart-3)", speculative: "var(--chart-2)" };

/** The actual mix by role against the target mix from Settings; every role is listed, earning or not. */
export function RoleMixPanel({ metrics, targetMix, loading, error }: Props) {
  const currency = metrics?.currency ?? "USD";
  const rows = ROLES.map((role) => {
    const actual = metrics?.diversification.byRole.find((r) => r.key === role);
    return { role, income: actual?.income ?? null, share: actual?.share ?? null, target: targetMix?.[role] ?? null };
  });
  // The widest gap between actual and target, to say in words what the ticks show.
  const gap = widestMixGap(Object.fromEntries(rows.map((r) => [r.role, r.share])), targetMix ?? null);
  const points = gap ? Math.round(Math.abs(gap.diff) * 100) : 0;
  const gapText =
    gap && Math.abs(gap.diff) >= 0.005
      ? ` The widest gap: ${roleLabel(gap.role).toLowerCase()}, ${formatNumber(points, 0)} point${points === 1 ? "" : "s"} ${gap.diff > 0 ? "above" : "below"} target.`
      : targetMix
        ? " Your mix matches your target."
        : "";
  return (
    <Panel
      title="Mix by role"
      description={
        targetMix
          ? `Bars are your actual shares in this window; the dark tick on each is your target.${gapText}`
          : "Anchor streams pay the bills, growth streams are being built up, speculative ones are bets."
      }
      loading={loading}
      error={error}
      empty={metrics && metrics.history.analysisMonths === 0 ? noHistoryText(metrics) : undefined}
      textAlternative={
        metrics ? (
          <ShareTable
            label="Mix by role"
            keyHeader="Role"
            currency={currency}
            rows={rows.map((r) => ({
              key: r.role,
              label: roleLabel(r.role),
              income: r.income,
              share: r.share,
              ...(targetMix ? { extra: formatPercent(r.target) } : {}),
            }))}
          />
        ) : null
      }
    >
      <ShareBars
        label="Share of income by role"
        items={rows.map((r) => ({
          key: r.role,
          label: roleLabel(r.role),
          value: r.share,
          valueText: r.share === null ? "None" : formatPercent(r.share),
          detail:
            r.target !== null
              ? `target ${formatPercent(r.target)}`
              : r.income !== null
                ? formatMoney(r.income, currency, { compact: true })
                : undefined,
          color: ROLE_COLORS[r.role],
          ...(r.target !== null ? { target: { value: r.target, text: formatPercent(r.target) } } : {}),
        }))}
      />
      <p className="text-sm text-muted-foreground">
        {targetMix ? (
          <>
            Change your target in{" "}
            <Link href="/settings#target-mix" className={inlineLink}>
              Settings
            </Link>
            .
          </>
        ) : (
          <>
            <Link href="/settings#target-mix" className={inlineLink}>
              Set a target mix in Settings
            </Link>{" "}
            to see how far your mix is from the one you want.
          </>
        )}
      </p>
    </Panel>
  );
}
