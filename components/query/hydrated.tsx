import { dehydrate, HydrationBoundary, QueryClient, type QueryKey } from "@tanstack/react-query";

/**
 * Server pages load data through lib/data and hand it to react-query under the same keys the client
 * uses, so the first paint has numbers and later interaction goes through the API.
 */
export function Hydrated({ entries, children }: { entries: [QueryKey, unknown][]; children: React.ReactNode }) {
  const client = new QueryClient();
  for (const [key, data] of entries) client.setQueryData(key, data);
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
