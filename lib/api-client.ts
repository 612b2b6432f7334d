// The browser's way to the API: JSON in, problem+json turned into an ApiProblem with field errors.
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(detail ?? title);
  }

  /** Field errors keyed by path, for forms. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) out[e.path] ??= e.message;
    return out;
  }
}

export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers: given, ...rest } = init;
  // HeadersInit may be a Headers instance, an array of pairs or a record: spreading only works for the last.
  const headers = new Headers(given);
  if (!headers.has("accept")) headers.set("accept", "application/json");
  if (json !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const res = await fetch(path, {
    ...rest,
    headers,
    body: json !== undefined ? JSON.stringify(json) : rest.body,
    credentials: "same-origin",
  });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const p = (body ?? {}) as { title?: string; detail?: string; errors?: { path: string; message: string }[] };
    throw new ApiProblem(res.status, p.title ?? res.statusText, p.detail, p.errors);
  }
  return body as T;
}
