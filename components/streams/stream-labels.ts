import type { BadgeTone } from "@/components/ui/badge";
import type { StreamView } from "@/lib/schemas/streams";

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

/** Preset colours for a stream: the light theme's chart palette (each at least 3:1 on white). */
export const STREAM_COLORS = ["#2166c4", "#d97706", "#0f9b73", "#c24f9c", "#2f8acb", "#d1491f", "#8a6fd1", "#6b7280"] as const;

/** What the colour pickers call each preset: a name a person can hear and say, not a hex code. */
export const STREAM_COLOR_NAMES: Record<(typeof STREAM_COLORS)[number], string> = {
  "#2166c4": "Blue",
  "#d97706": "Amber",
  "#0f9b73": "Green",
  "#c24f9c": "Pink",
  "#2f8acb": "Sky blue",
  "#d1491f": "Orange",
  "#8a6fd1": "Violet",
  "#6b7280": "Grey",
};

// The palette has two blues (1 and 5) and a grey (8); the second blue comes late so that up to six
// streams get clearly different hues, and the grey last, where it reads as "one of many".
const PALETTE_ORDER = [1, 2, 3, 4, 6, 7, 5, 8] as const;

/**
 * A stream's own colour, else a chart token picked by its place in name order (the order of the streams
 * list), so a stream looks the same on the streams pages and on every dashboard, whatever the window.
 */
export function streamColor(stream: { color?: string | null }, index: number): string {
  return stream.color ?? `var(--chart-${PALETTE_ORDER[index % PALETTE_ORDER.length]})`;
}

/** Rows in the stream page's recent-transactions list (in its query key, so the server page uses it too). */
export const RECENT_TRANSACTIONS = 10;
