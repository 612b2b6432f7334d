import { createTimeEntry, listTimeEntries } from "@/lib/data/time-entries";
import { json, route } from "@/lib/http";
import { createTimeEntryInput, listTimeEntriesQuery, timeEntryResponse } from "@/lib/schemas/time-entries";

export const GET = route({ query: listTimeEntriesQuery }, async ({ userId, query }) => {
  const page = await listTimeEntries(userId, query);
  return { data: page.data.map((t) => timeEntryResponse.parse(t)), nextCursor: page.nextCursor };
});

export const POST = route({ access: "write", body: createTimeEntryInput }, async ({ userId, body }) =>
  json(timeEntryResponse.parse(await createTimeEntry(userId, body)), 201),
);
