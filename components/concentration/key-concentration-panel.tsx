import Link from "next/link";
import { ShareBars, type ShareBar } from "@/components/charts/share-bars";
import { Panel } from "@/components/dashboard/panel";
import { inlineLink } from "@/components/dashboard/labels";
import { formatRuleValue, RuleBadge } from "@/components/dashboard/rule-status";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney, formatPercent } from "@/lib/format";
import type { KeyConcentrationView, RuleView } from "@/lib/schemas/metrics";

/** Bars beyond this many keys go to the table only; the chart is for the few that matter. */
const SHOWN = 8;

const COPY = {
  client: {
    title: "Top clients",
    one: "client",
    many: "clients",
    verb: "pays",
    unattributed: "no client logged",
    fix: (
      <>
        Most of your income names no client, so the rule is not checked: the largest client&rsquo;s share would describe only a minority of
        it. Record who paid you (the counterparty) on your income in{" "}
        <Link href="/transactions" className={inlineLink}>
          Transactions
        </Link>
        .
      </>
    ),
    empty: (
      <>
        Add who paid you (the counterparty) to your income in{" "}
        <Link href="/transactions" className={inlineLink}>
          Transactions
        </Link>{" "}
        to see which clients you depend on.
      </>
    ),
  },
  platform: {
    title: "Top platforms",
    one: "platform",
    many: "platforms",
    verb: "carries",
    unattributed: "no platform set",
    fix: (
      <>
        Most of your income has no platform, so the rule is not checked: the largest platform&rsquo;s share would describe only a minority
        of it. Set the platform on your{" "}
        <Link href="/streams" className={inlineLink}>
          streams
        </Link>{" "}
        or transactions.
      </>
    ),
    empty: (
      <>
        Set the platform (YouTube, Etsy, Stripe…) on your{" "}
        <Link href="/streams" className={inlineLink}>
          streams
        </Link>{" "}
        or transactions to see which platforms you depend on.
      </>
    ),
  },
} as const;

type Props = {
  by: keyof typeof COPY;
  data: KeyConcentrationView | undefined;
  rule: RuleView | undefined;
  currency: string;
  /** Why the window has no complete month to count (set only then): shown instead of the panel's figures. */
  noHistory?: string;
  loading: boolean;
  error: boolean;
};

function verdict(rule: RuleView | undefined): string {
  if (!rule) return "";
  const pass = formatRuleValue(rule, rule.pass);
  const warn = formatRuleValue(rule, rule.warn);
  if (rule.status === "pass") return `, within the ${pass} the rule allows`;
  if (rule.status === "warn") return `, above the ${pass} the rule allows (it fails above ${warn})`;
  if (rule.status === "fail") return `, above even the ${warn} warning line`;
  return "";
}

/** One dimension of concentration (clients or platforms): who carries the income, against the rule's lines. */
export function KeyConcentrationPanel({ by, data, rule, currency, noHistory, loading, error }: Props) {
  const copy = COPY[by];
  const items = data?.items.filter((i) => i.share !== null) ?? [];
  const top = items[0];
  const unattributed = data?.unattributedShare ?? null;
  const bars: ShareBar[] = items.slice(0, SHOWN).map((i, n) => ({
    key: i.key,
    label: i.key,
    value: i.share,
    valueText: formatPercent(i.share),
    detail: formatMoney(i.income, currency, { compact: true }),
    color: n === 0 ? "var(--chart-1)" : "var(--chart-5)",
  }));
  if (unattributed !== null && unattributed > 0) {
    bars.push({
      key: "__unattributed",
      label: "Unattributed",
      value: unattributed,
      valueText: formatPercent(unattributed),
      detail: copy.unattributed,
      hatched: true,
    });
  }
  const markers = rule
    ? [
        { value: rule.pass, label: `${formatRuleValue(rule, rule.pass)} pass` },
        { value: rule.warn, label: `${formatRuleValue(rule, rule.warn)} warn` },
      ]
    : [];

  return (
    <Panel
      title={copy.title}
      description={top ? `${top.key} ${copy.verb} ${formatPercent(top.share)} of your income${verdict(rule)}.` : undefined}
      actions={<RuleBadge rule={rule} />}
      loading={loading}
      error={error}
      empty={noHistory ?? (data && items.length === 0 ? copy.empty : undefined)}
      textAlternative={
        data ? (
          <Table label={copy.title}>
            <TableHeader>
              <TableRow>
                <TableHead>{copy.one === "client" ? "Client" : "Platform"}</TableHead>
                <TableHead numeric>Income</TableHead>
                <TableHead numeric>Share</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((i) => (
                <TableRow key={i.key}>
                  <TableCell>{i.key}</TableCell>
                  <TableCell numeric>{formatMoney(i.income, currency)}</TableCell>
                  <TableCell numeric>{formatPercent(i.share, 1)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell>Unattributed</TableCell>
                <TableCell numeric>—</TableCell>
                <TableCell numeric>{formatPercent(unattributed, 1)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        ) : null
      }
    >
      <dl className="grid grid-cols-3 gap-3 rounded-lg bg-muted/60 p-3">
        <Stat term={`Largest ${copy.one}`} value={formatPercent(data?.top1Share)} testId={`top1-${by}`} />
        <Stat term="Top 3" value={formatPercent(data?.top3Share)} />
        <Stat term={copy.many[0]!.toUpperCase() + copy.many.slice(1)} value={String(data?.count ?? "—")} />
      </dl>
      <ShareBars label={`Share of income by ${copy.one}`} items={bars} markers={markers} swatches={false} />
      {rule?.reason === "unattributed" ? (
        <p className="text-sm text-muted-foreground" data-testid={`unattributed-${by}`}>
          {copy.fix}
        </p>
      ) : null}
      {items.length > SHOWN ? (
        <p className="text-sm text-muted-foreground">
          And {items.length - SHOWN} more {copy.many} with smaller shares; all of them are in the numbers below.
        </p>
      ) : null}
    </Panel>
  );
}

function Stat({ term, value, testId }: { term: string; value: string; testId?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <dt className="truncate text-xs text-muted-foreground">{term}</dt>
      <dd className="money text-lg font-semibold text-foreground" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
