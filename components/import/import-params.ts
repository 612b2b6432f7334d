import type { ColumnMapping } from "./types";

/** What the rows are read as: one of the platform presets, the generic CSV, the user's own column mapping, or one they saved. */
export type FormatChoice = { type: "preset"; id: string } | { type: "generic" } | { type: "mapping" } | { type: "saved"; id: string };

export function formatValue(f: FormatChoice): string {
  return f.type === "preset" || f.type === "saved" ? `${f.type}:${f.id}` : f.type;
}

export function parseFormatValue(v: string): FormatChoice {
  if (v === "generic" || v === "mapping") return { type: v };
  const [type, ...rest] = v.split(":");
  const id = rest.join(":");
  return type === "saved" ? { type: "saved", id } : { type: "preset", id };
}

/** The query of POST /api/v1/imports for these choices (without dryRun/skipInvalid, which say how, not what). */
export function importSearch(opts: {
  format: FormatChoice;
  mapping: ColumnMapping | null;
  stream: string | null;
  fileName: string;
}): URLSearchParams {
  const search = new URLSearchParams();
  if (opts.format.type === "preset") search.set("preset", opts.format.id);
  else if (opts.format.type === "generic") search.set("preset", "generic");
  else search.set("preset", "mapping");
  // Your own columns as JSON; a saved preset by its id (the server reads the mapping it stored).
  if (opts.format.type === "mapping" && opts.mapping) search.set("mapping", JSON.stringify(opts.mapping));
  if (opts.format.type === "saved") search.set("mapping", opts.format.id);
  if (opts.stream) search.set("stream", opts.stream);
  search.set("fileName", opts.fileName);
  return search;
}
