// The one error type of the app. It lives apart from lib/http.ts so that lib/data can throw it
// without importing the route machinery (which imports lib/data).
export interface FieldError {
  path: string;
  message: string;
  /** A file's line number, for problems of an uploaded file (CSV imports). */
  row?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }
}

/** The SQLSTATE of a database error (drizzle wraps the driver's error in `cause`). */
export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === "string" ? code : undefined;
}

export const notFound = (what = "Resource") => new ApiError(404, "Not found", `${what} not found.`);
export const conflict = (detail: string, errors?: FieldError[]) => new ApiError(409, "Conflict", detail, errors);
export const unprocessable = (detail: string, errors?: FieldError[]) => new ApiError(422, "Invalid input", detail, errors);
