// Route handlers that read next/headers (next-auth's App Router handler does) need the request scope
// Next.js sets up for a real request. Tests call such handlers inside this minimal one, built from the
// request itself: its headers and its cookies, as the server would hand them over. Import this module
// before any route: Next's stores bind to globalThis.AsyncLocalStorage when they load, as its server does.
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";

(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

const require = createRequire(import.meta.url);
type Storage = { run<T>(store: unknown, fn: () => T): T };
const { workAsyncStorage } = require("next/dist/server/app-render/work-async-storage.external") as { workAsyncStorage: Storage };
const { workUnitAsyncStorage } = require("next/dist/server/app-render/work-unit-async-storage.external") as {
  workUnitAsyncStorage: Storage;
};
const { RequestCookies } = require("next/dist/server/web/spec-extension/cookies") as {
  RequestCookies: new (headers: Headers) => unknown;
};

export function inRequestScope<T>(req: Request, route: string, fn: () => Promise<T>): Promise<T> {
  const cookies = new RequestCookies(req.headers);
  const workStore = { route, page: route, forceStatic: false, dynamicShouldError: false, isStaticGeneration: false };
  const requestStore = {
    type: "request",
    phase: "action",
    headers: req.headers,
    cookies,
    mutableCookies: cookies,
    userspaceMutableCookies: cookies,
  };
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, fn));
}
