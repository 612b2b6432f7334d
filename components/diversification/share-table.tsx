import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney, formatPercent } from "@/lib/format";

/** The figures behind a list of share bars, for "Show the numbers". */
export function ShareTable({
  label,
  keyHeader,
  rows,
  currency,
}: {
  label: string;
  keyHeader: string;
  rows: { key: string; label: string; income: number | null; share: number | null; extra?: string }[];
  currency: string;
}) {
  const withExtra = rows.some((r) => r.extra !== undefined);
  return (
    <Table label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>{keyHeader}</TableHead>
          <TableHead numeric>Income</TableHead>
          <TableHead numeric>Share</TableHead>
          {withExtra ? <TableHead numeric>Target</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell>{r.label}</TableCell>
            <TableCell numeric>{r.income === null ? "—" : formatMoney(r.income, currency)}</TableCell>
            <TableCell numeric>{formatPercent(r.share, 1)}</TableCell>
            {withExtra ? <TableCell numeric>{r.extra ?? "—"}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
