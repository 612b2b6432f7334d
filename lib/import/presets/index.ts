import type { ImportReader } from "@/lib/import/types";
import { genericReader } from "./generic";

/**
 * Every built-in reader, in the order the import page lists them: the generic CSV first, then one
 * preset per platform (lib/import/presets/<platform>.ts). A user's own column mapping is the reader
 * "mapping", built per import from its JSON (lib/import/mapping.ts), so it is not in this list.
 */
// The presets branch adds its platforms here: `[genericReader, ...PLATFORM_READERS]` (./platforms).
export const readers: readonly ImportReader[] = [
  genericReader,
];

export function findReader(id: string): ImportReader | undefined {
  return readers.find((r) => r.id === id);
}
