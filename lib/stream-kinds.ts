import type { streamKinds } from "@/db/schema";

/**
 * What each stream kind is called on every page. Apart from lib/schemas/streams (which re-exports it) so
 * a page that only shows the words does not ship zod and the database schema to the browser.
 */
export const STREAM_KIND_LABELS: Record<(typeof streamKinds)[number], string> = {
  freelance: "Freelance & consulting",
  content: "Content (blog, video, podcast)",
  product: "Digital products",
  affiliate: "Affiliate",
  sponsorship: "Sponsorships",
  saas: "SaaS & automations",
  commerce: "Commerce & resale",
  other: "Other",
};
