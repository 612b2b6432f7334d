import type { ImportReader } from "@/lib/import/types";
import { genericReader } from "./generic";
import { PLATFORM_READERS } from "./platforms";

/**
 * Every built-in reader, in the order the import page lists them: the generic CSV first, then one
 * preset per platform (lib/import/presets/<platform>.ts). A user's own column mapping is the reader
 * "mapping", built per import from its JSON (lib/import/mapping.ts), so it is not in this list.
 */
export const readers: readonly ImportReader[] = [genericReader, ...PLATFORM_READERS];

export function findReader(id: string): ImportReader | undefined {
  return readers.find((r) => r.id === id);
}
