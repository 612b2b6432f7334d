import { deleteTimeEntry } from "@/lib/data/time-entries";
import { route } from "@/lib/http";
import { timeEntryResponse } from "@/lib/schemas/time-entries";

export const DELETE = route({ access: "write" }, async ({ userId, params }) =>
  timeEntryResponse.parse(await deleteTimeEntry(userId, params.id ?? "")),
);
