import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { TokenView } from "@/lib/schemas/tokens";

export type List<T> = { data: T[]; nextCursor: string | null };

/** Structured keys: invalidating ["tokens"] refreshes every token query and nothing else. */
export const keys = {
  tokens: () => ["tokens"] as const,
};

export const tokensQuery = () =>
  queryOptions({
    queryKey: keys.tokens(),
    queryFn: () => apiFetch<List<TokenView>>("/api/v1/tokens"),
  });
