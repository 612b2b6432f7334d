import { Amount } from "@/components/transactions/amount";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney, formatMonth } from "@/lib/format";

type Totals = { income: number; expenses: number; net: number };

/** The numbers behind a monthly income chart: its text alternative, with an optional totals row. */
export function MonthlyTotalsTable({
  rows,
  currency,
  label,
  total,
  containerClassName,
}: {
  rows: readonly (Totals & { month: string })[];
  currency: string;
  label: string;
  total?: Totals & { label: string };
  containerClassName?: string;
}) {
  return (
    <Table label={label} containerClassName={containerClassName}>
      <TableHeader>
        <TableRow>
          <TableHead>Month</TableHead>
          <TableHead numeric>Income</TableHead>
          <TableHead numeric>Expenses</TableHead>
          <TableHead numeric>Net</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((m) => (
          <TableRow key={m.month}>
            <th scope="row" className="px-3 py-2.5 text-left font-normal whitespace-nowrap">
              {formatMonth(m.month)}
            </th>
            <TableCell numeric>
              <Amount minor={m.income} currency={currency} />
            </TableCell>
            <TableCell numeric>{formatMoney(m.expenses, currency)}</TableCell>
            <TableCell numeric className="font-medium">
              <Amount minor={m.net} currency={currency} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      {total ? (
        <TableFooter>
          <TableRow>
            <th scope="row" className="px-3 py-2.5 text-left whitespace-nowrap">
              {total.label}
            </th>
            <TableCell numeric>
              <Amount minor={total.income} currency={currency} />
            </TableCell>
            <TableCell numeric>{formatMoney(total.expenses, currency)}</TableCell>
            <TableCell numeric className="font-medium">
              <Amount minor={total.net} currency={currency} />
            </TableCell>
          </TableRow>
        </TableFooter>
      ) : null}
    </Table>
  );
}
