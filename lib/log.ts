import { pgCode } from "@/lib/http-errors";
import { currentRequestId } from "@/lib/observability/request-context";

/*
 * One structured line per event on stdout (stderr for errors), for whatever collects the process's output.
 * Nothing secret goes in: callers pass ids, counts and reasons; errors go through errorFields, which drops
 * the bound parameters a failed query's message carries (they may be a password hash or a token hash).
 * A line written while serving a request carries its id, the one its answer sends in X-Request-Id.
 */
export function logLine(level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}) {
  const requestId = currentRequestId();
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...(requestId ? { requestId } : {}), ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

/** An error as log fields: its name, message without query parameters, SQLSTATE and the top of its stack. */
export function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err).slice(0, 300) };
  const withoutParams = (message: string) => message.replace(/\n?params:[\s\S]*$/, "").slice(0, 1000);
  return {
    error: err.name,
    message: withoutParams(err.message),
    ...(err.cause instanceof Error ? { cause: withoutParams(err.cause.message) } : {}),
    ...(pgCode(err) ? { code: pgCode(err) } : {}),
    // Frames only: a failed query's message (with its params) heads the stack too, over several lines.
    stack: err.stack
      ?.split("\n")
      .filter((s) => /^\s*at /.test(s))
      .slice(0, 5)
      .map((s) => s.trim()),
  };
}
