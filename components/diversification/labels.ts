import { ROLE_LABELS } from "@/components/streams/stream-labels";
import type { StreamKind, StreamRole } from "@/lib/metrics/types";
import { STREAM_KIND_LABELS } from "@/lib/schemas/streams";

export const ROLES: readonly StreamRole[] = ["anchor", "growth", "speculative"];

/** The API groups by kind and role keys; the pages show the same words as the stream forms. */
export const kindLabel = (key: string) => STREAM_KIND_LABELS[key as StreamKind] ?? key;
export const roleLabel = (key: string) => ROLE_LABELS[key as StreamRole] ?? key;

// The palette has two blues (1 and 5) and a grey (8); the second blue comes late so that up to six
// streams get clearly different hues, and the grey last, where it reads as "one of many".
const PALETTE_ORDER = [1, 2, 3, 4, 6, 7, 5, 8] as const;

/**
 * A stream's colour: the one the user chose for it (as on the streams pages), else a chart token by its
 * place in name order, not income order, so a stream keeps its colour on every chart and in every window.
 */
export function streamColors(streams: readonly { id: string; name: string; color?: string | null }[]): Map<string, string> {
  const byName = [...streams].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return new Map(byName.map((s, i) => [s.id, s.color ?? `var(--chart-${PALETTE_ORDER[i % PALETTE_ORDER.length]})`]));
}

/** Links inside a sentence are underlined: colour alone does not mark a link (WCAG 1.4.1). */
export const inlineLink = "font-medium text-primary underline underline-offset-4 hover:decoration-2";
