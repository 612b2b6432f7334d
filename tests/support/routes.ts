// Every API route the app registers, found on disk (app/api/v1/**/route.ts) and imported, so a test
// generated from this list covers a route the day it is added.
import fs from "node:fs";
import path from "node:path";
import type { Operation } from "@/lib/api/operation";

export const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Verb = (typeof VERBS)[number];
export const WRITE_VERBS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { operation?: Operation };

export interface RegisteredRoute {
  /** The folder under app/, as Next names it: "api/v1/streams/[id]". */
  dir: string;
  /** A URL path for requests: "/api/v1/streams/[id]" (dynamic segments filled by the caller). */
  urlPath: string;
  /** The dynamic segments' names, in order ("id", "...path"). */
  params: string[];
  verbs: { verb: Verb; handler: Handler }[];
}

const root = path.resolve(__dirname, "../..");

export async function registeredRoutes(): Promise<RegisteredRoute[]> {
  const base = path.join(root, "app/api/v1");
  const files = (fs.readdirSync(base, { recursive: true }) as string[])
    .filter((f) => f === "route.ts" || f.endsWith(`${path.sep}route.ts`))
    .sort();
  const routes: RegisteredRoute[] = [];
  for (const file of files) {
    const dir = path.posix.join("api/v1", path.dirname(file).split(path.sep).join("/")).replace(/\/\.$/, "");
    const mod = (await import(path.join(base, file))) as Record<string, unknown>;
    const verbs = VERBS.filter((v) => typeof mod[v] === "function").map((verb) => ({ verb, handler: mod[verb] as Handler }));
    const params = [...dir.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
    routes.push({ dir, urlPath: `/${dir}`, params, verbs });
  }
  return routes;
}
