import type { BadgeTone } from "@/components/ui/badge";
import type { StreamView } from "@/lib/schemas/streams";
import { streamColorCss } from "@/lib/stream-colors";

type Role = StreamView["role"];
type Status = StreamView["status"];

export const ROLE_LABELS: Record<Role, string> = {
  anchor: "Anchor",
  growth: "Growth",
  speculative: "Speculative",
};

/** What each role means, for the form: roles drive the anchor-coverage rule and the mix by role. */
export const ROLE_HINTS: Record<Role, string> = {
  anchor: "Anchor: steady income you count on to cover the essentials",
  growth: "Growth: income you are building up",
  speculative: "Speculative: a bet that may or may not pay off",
};

export const ROLE_TONES: Record<Role, BadgeTone> = {
  anchor: "info",
  growth: "success",
  speculative: "warning",
};

export const STATUS_LABELS: Record<Status, string> = {
  active: "Active",
  paused: "Paused",
  archived: "Archived",
};

/**
 * A stream's colour as CSS: the colour stored with it when it was created (see lib/stream-colors.ts), the
 * same on the streams pages and on every dashboard, whatever the window and however many streams exist.
 */
export function streamColor(stream: { id?: string; color?: string | null }): string {
  return streamColorCss(stream.color, stream.id);
}

/** Rows in the stream page's recent-transactions list (in its query key, so the server page uses it too). */
export const RECENT_TRANSACTIONS = 10;
