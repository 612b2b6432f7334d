// What the import routes answer, as the page reads it. TEMPORARY until lib/schemas/imports.ts lands from
// the `import` branch: then these become the schemas' inferred types.

import type { importDateFormats, ImportMapping } from "@/lib/schemas/import-mapping";

export type ImportRowError = { row: number | null; path: string; message: string };

export type ImportTotal = { kind: "income" | "expense"; currency: string; count: number; amount: string; amountMinor: number };

export type PreviewTransaction = {
  occurredOn: string;
  kind: "income" | "expense";
  amount: string;
  currency: string | null;
  stream: string | null;
  counterparty: string | null;
  platform: string | null;
  description: string | null;
  externalId: string | null;
};

export type PreviewRecord = {
  line: number;
  outcome: "transactions" | "skip" | "invalid" | "duplicate";
  transactions?: PreviewTransaction[];
  reason?: string;
  errors?: { path: string; message: string }[];
};

export type ImportResult = {
  importId: string | null;
  dryRun: boolean;
  reader: string;
  rows: number;
  inserted: number;
  duplicates: number;
  skipped: number;
  skippedReasons: { reason: string; count: number; firstRow: number }[];
  streamsCreated: number;
  createdStreams: string[];
  errors: ImportRowError[];
  totals: ImportTotal[];
  preview?: PreviewRecord[];
};

export type ImportPreset = {
  id: string;
  name: string;
  description: string;
  platform: string | null;
  defaultStream: string | null;
  requiredColumns: string[];
};

export type SavedMapping = { id: string; name: string; mapping: ImportMapping; createdAt?: string };

export type PresetsView = { data: ImportPreset[]; mappings: SavedMapping[] };

export type ImportRecord = {
  id: string;
  fileName: string | null;
  preset: string;
  rows: number;
  inserted: number;
  duplicates: number;
  skipped: number;
  invalid: number;
  createdAt: string;
};

export type { ImportMapping as ColumnMapping } from "@/lib/schemas/import-mapping";
export type DateFormat = (typeof importDateFormats)[number];
