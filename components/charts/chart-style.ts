// The look every recharts chart shares, from the theme's CSS variables, so light and dark follow the
// tokens and no chart styles its axes or tooltips by hand.
export const axisTick = { fill: "var(--muted-foreground)", fontSize: 12 };

export const tooltipStyle = {
  contentStyle: { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--foreground)", fontSize: 13 },
  labelStyle: { color: "var(--foreground)", fontWeight: 600 },
} as const;
