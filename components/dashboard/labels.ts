import { streamColor } from "@/components/streams/stream-labels";
import { ROLE_LABELS } from "@/components/streams/stream-labels";
import type { StreamKind, StreamRole } from "@/lib/schemas/streams";
import { STREAM_KIND_LABELS } from "@/lib/schemas/streams";

export const ROLES: readonly StreamRole[] = ["anchor", "growth", "speculative"];

/** The API groups by kind and role keys; the pages show the same words as the stream forms. */
export const kindLabel = (key: string) => STREAM_KIND_LABELS[key as StreamKind] ?? key;
export const roleLabel = (key: string) => ROLE_LABELS[key as StreamRole] ?? key;

/**
 * Each stream's colour by the one rule of the streams pages: streamColor(stream, its index in the full
 * streams list, archived ones included, in the API's name order). The metrics only list the window's live
 * streams, so their order cannot give the index; a stream missing from the list (not loaded yet) falls
 * back to its own colour from the metrics, else the neutral chart colour.
 */
export function streamColorMap(
  list: readonly { id: string; color?: string | null }[] | undefined,
  fallback: readonly { id: string; color?: string | null }[] = [],
): Map<string, string> {
  const colors = new Map((list ?? []).map((s, i) => [s.id, streamColor(s, i)]));
  for (const s of fallback) if (!colors.has(s.id)) colors.set(s.id, s.color ?? "var(--chart-8)");
  return colors;
}

/** Links inside a sentence are underlined: colour alone does not mark a link (WCAG 1.4.1). */
export const inlineLink = "font-medium text-primary underline underline-offset-4 hover:decoration-2";
