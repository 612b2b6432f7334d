const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id cannot be the caller's, so callers answer it with the same 404 as a missing one. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
