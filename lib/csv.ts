import Papa from "papaparse";

/** RFC 4180 CSV with a header row (a UTF-8 BOM is accepted) into records keyed by trimmed, lower-cased header. */
export function parseCsv(text: string): { rows: Record<string, string>[]; errors: { row: number; message: string }[] } {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  return {
    rows: result.data,
    // Row numbers as a spreadsheet shows them: the header is row 1.
    errors: result.errors.map((e) => ({ row: (e.row ?? 0) + 2, message: e.message })),
  };
}

/** One RFC 4180 cell: quoted when it holds a quote, comma or line break, or starts or ends with a space. */
export function cell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header.join(","), ...rows.map((r) => r.map(cell).join(","))].join("\r\n") + "\r\n";
}

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab or CR first) gets a leading
 * apostrophe (OWASP's CSV injection advice), also when it already starts with apostrophes before one,
 * so that restoreFormula takes exactly one off and gives the text back as it was. Only for text columns:
 * never amounts or dates.
 */
export function neutraliseFormula(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The reverse of neutraliseFormula, for reading an exported file back. */
export function restoreFormula(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
