// The first lines of a chosen file, read in the browser only to suggest a preset and to offer the file's
// column names to the mapper. The server reads the whole file again; nothing here decides what is imported.

const HEAD_BYTES = 64 * 1024;
const HEAD_RECORDS = 25;

/**
 * The head as text the way the server reads the file: UTF-8, or UTF-16 by its byte order mark. Throws for
 * anything else (a picture, a spreadsheet, a Windows-1252 export), which the server would refuse too.
 */
function textOf(bytes: Uint8Array, whole: boolean): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  // The BOM is dropped by the decoder; `stream` lets the slice end inside a character.
  const text = new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: !whole });
  if (text.includes("\u0000")) throw new TypeError("not text");
  return text;
}

/** papaparse is loaded only when a file is chosen, so it weighs nothing on any page's first load. */
export async function readFileHead(file: Blob): Promise<string[][]> {
  const { default: Papa } = await import("papaparse");
  // A slice can end inside a multi-byte character or a quoted cell: the last record may be cut, so it is dropped.
  const text = textOf(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()), file.size <= HEAD_BYTES);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", preview: HEAD_RECORDS + 1 });
  const records = parsed.data.map((r) => r.map((c) => c.trim()));
  const whole = file.size <= HEAD_BYTES || records.length > HEAD_RECORDS;
  return (whole ? records : records.slice(0, -1)).slice(0, HEAD_RECORDS);
}

const norm = (s: string) => s.trim().toLowerCase();

/** The index of the first record holding every one of `columns` (case-insensitive), or null. */
export function headerIndexFor(records: readonly (readonly string[])[], columns: readonly string[]): number | null {
  if (columns.length === 0) return null;
  const wanted = columns.map(norm);
  const i = records.findIndex((r) => {
    const have = new Set(r.map(norm));
    return wanted.every((c) => have.has(c));
  });
  return i === -1 ? null : i;
}

/**
 * The preset whose required columns all appear in the file's first lines; when several do, the one that
 * asks for the most columns (a platform's export also has a "Date" and an "Amount", like a generic file).
 */
export function suggestPreset<P extends { id: string; requiredColumns: readonly string[] }>(
  records: readonly (readonly string[])[],
  presets: readonly P[],
): P | null {
  let best: P | null = null;
  for (const p of presets) {
    if (headerIndexFor(records, p.requiredColumns) === null) continue;
    if (!best || p.requiredColumns.length > best.requiredColumns.length) best = p;
  }
  return best;
}

/** The header of the file as the mapper offers it: the suggested header row, else the first record with several cells. */
export function headerOf(records: readonly (readonly string[])[], index: number | null): string[] {
  const row = index !== null ? records[index] : (records.find((r) => r.filter((c) => c !== "").length > 1) ?? records[0]);
  return [...new Set((row ?? []).filter((c) => c !== ""))];
}
