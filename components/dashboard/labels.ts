import { streamColor } from "@/components/streams/stream-labels";
import { ROLE_LABELS } from "@/components/streams/stream-labels";
import type { StreamKind, StreamRole } from "@/lib/schemas/streams";
import { STREAM_KIND_LABELS } from "@/lib/stream-kinds";

export const ROLES: readonly StreamRole[] = ["anchor", "growth", "speculative"];

/** The API groups by kind and role keys; the pages show the same words as the stream forms. */
export const kindLabel = (key: string) => STREAM_KIND_LABELS[key as StreamKind] ?? key;
export const roleLabel = (key: string) => ROLE_LABELS[key as StreamRole] ?? key;

/**
 * Each stream's colour: the one stored with it (streamColor), the same on the streams pages and every
 * dashboard. The streams list is read first, so a colour just changed there shows at once; the metrics'
 * own copy covers a stream the list has not loaded yet.
 */
export function streamColorMap(
  list: readonly { id: string; color?: string | null }[] | undefined,
  fallback: readonly { id: string; color?: string | null }[] = [],
): Map<string, string> {
  return new Map([...fallback, ...(list ?? [])].map((s) => [s.id, streamColor(s)]));
}

/** Links inside a sentence are underlined: colour alone does not mark a link (WCAG 1.4.1). */
export const inlineLink = "font-medium text-primary underline underline-offset-4 hover:decoration-2";
