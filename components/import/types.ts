// What the import routes answer, as the page reads it: the response schemas' own types.
import type { z } from "zod";
import type { importDateFormats, ImportMapping } from "@/lib/schemas/import-mapping";
import type { importHistoryItem, importPreviewRow, importResponse, presetsResponse, readerView } from "@/lib/schemas/imports";

export type ImportResult = z.output<typeof importResponse>;
/** One problem of one row; `row` null for a problem of the whole file (a 422 without a line). */
export type ImportRowError = { row: number | null; path: string; message: string };
export type PreviewRecord = z.output<typeof importPreviewRow>;
export type PreviewTransaction = PreviewRecord["transactions"][number];
export type ImportPreset = z.output<typeof readerView>;
export type ImportRecord = z.output<typeof importHistoryItem>;
export type PresetsView = z.output<typeof presetsResponse>;
/** A saved mapping whose stored mapping reads with the mapping schema (others are not offered). */
export type SavedMapping = { id: string; name: string; mapping: ImportMapping };

export type { ImportMapping as ColumnMapping };
export type DateFormat = (typeof importDateFormats)[number];
