// A stream's colour is chosen once, when the stream is created, and stored with it (lib/data/streams.ts
// createStream), so it never changes as other streams come and go. The palette is the chart palette of
// app/globals.css (--chart-1 … --chart-8 of the light theme, each at least 3:1 on white).

/** The presets, in chart-variable order: STREAM_COLORS[i] is the light theme's --chart-(i + 1). */
export const STREAM_COLORS = ["#2166c4", "#d97706", "#0f9b73", "#c24f9c", "#2f8acb", "#d1491f", "#8a6fd1", "#6b7280"] as const;
export type StreamPreset = (typeof STREAM_COLORS)[number];

/** What the colour pickers call each preset: a name a person can hear and say, not a hex code. */
export const STREAM_COLOR_NAMES: Record<StreamPreset, string> = {
  "#2166c4": "Blue",
  "#d97706": "Amber",
  "#0f9b73": "Green",
  "#c24f9c": "Pink",
  "#2f8acb": "Sky blue",
  "#d1491f": "Orange",
  "#8a6fd1": "Violet",
  "#6b7280": "Grey",
};

/**
 * The order new streams take the presets in. The palette has two blues (1 and 5) and a grey (8); the
 * second blue comes late so that up to six streams get clearly different hues, and the grey last, where
 * it reads as "one of many". db/migrations/0003_stream_colors.sql stored the same order for the streams
 * created before colours were stored.
 */
export const ASSIGN_ORDER: readonly StreamPreset[] = [0, 1, 2, 3, 5, 6, 4, 7].map((i) => STREAM_COLORS[i]!);

/**
 * The colour for a new stream, given the colours of the user's other streams: the first preset none of
 * them uses, else the presets round-robin by how many streams there are.
 */
export function pickStreamColor(used: readonly (string | null)[]): StreamPreset {
  const taken = new Set(used.filter((c): c is string => c !== null).map((c) => c.toLowerCase()));
  return ASSIGN_ORDER.find((c) => !taken.has(c)) ?? ASSIGN_ORDER[used.length % ASSIGN_ORDER.length]!;
}

/**
 * The CSS colour to draw a stored colour with: a preset as its chart variable (so the dark theme draws
 * its own, lighter variant of the same hue), any other colour as it is. A stream without one (only
 * possible for rows written around the data layer) gets a preset picked by its id, never by its place
 * in a list, so it cannot change either.
 */
export function streamColorCss(color: string | null | undefined, id = ""): string {
  if (color) {
    const preset = STREAM_COLORS.indexOf(color.toLowerCase() as StreamPreset);
    return preset === -1 ? color : `var(--chart-${preset + 1})`;
  }
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `var(--chart-${STREAM_COLORS.indexOf(ASSIGN_ORDER[hash % ASSIGN_ORDER.length]!) + 1})`;
}
