import { streamColor } from "@/components/streams/stream-labels";
import { ROLE_LABELS } from "@/components/streams/stream-labels";
import type { StreamKind, StreamRole } from "@/lib/metrics/types";
import { STREAM_KIND_LABELS } from "@/lib/schemas/streams";

export const ROLES: readonly StreamRole[] = ["anchor", "growth", "speculative"];

/** The API groups by kind and role keys; the pages show the same words as the stream forms. */
export const kindLabel = (key: string) => STREAM_KIND_LABELS[key as StreamKind] ?? key;
export const roleLabel = (key: string) => ROLE_LABELS[key as StreamRole] ?? key;

/** Each stream's colour (see streamColor): by name order, not income order, which changes with the window. */
export function streamColors(streams: readonly { id: string; name: string; color?: string | null }[]): Map<string, string> {
  const byName = [...streams].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id));
  return new Map(byName.map((s, i) => [s.id, streamColor(s, i)]));
}

/** Links inside a sentence are underlined: colour alone does not mark a link (WCAG 1.4.1). */
export const inlineLink = "font-medium text-primary underline underline-offset-4 hover:decoration-2";
