// One of each object a user can own, made through the real routes: for tests that walk every route
// with an id (the authorization matrix, the write fuzzer).
import { expect } from "vitest";
import { POST as postFx } from "@/app/api/v1/fx-rates/route";
import { POST as postGoal } from "@/app/api/v1/goals/route";
import { POST as postMapping } from "@/app/api/v1/imports/mappings/route";
import { POST as postImport } from "@/app/api/v1/imports/route";
import { POST as postSchedule } from "@/app/api/v1/schedules/route";
import { POST as createStream } from "@/app/api/v1/streams/route";
import { POST as postTimeEntry } from "@/app/api/v1/time-entries/route";
import { POST as postToken } from "@/app/api/v1/tokens/route";
import { POST as postTx } from "@/app/api/v1/transactions/route";
import { POST as postWebhook } from "@/app/api/v1/webhooks/route";
import { call, type TestUser } from "./api";

export interface OwnedObjects {
  stream: string;
  transaction: string;
  goal: string;
  timeEntry: string;
  token: string;
  fxRate: string;
  import: string;
  mapping: string;
  schedule: string;
  webhook: string;
}

/** Which of the objects each dynamic route's segment names (a route with an id missing here fails the tests that use it). */
export const OBJECT_OF_ROUTE: Record<string, keyof OwnedObjects> = {
  "api/v1/goals/[id]": "goal",
  "api/v1/imports/[id]": "import",
  "api/v1/imports/mappings/[id]": "mapping",
  "api/v1/schedules/[id]": "schedule",
  "api/v1/streams/[id]": "stream",
  "api/v1/streams/[id]/clients": "stream",
  "api/v1/time-entries/[id]": "timeEntry",
  "api/v1/tokens/[id]": "token",
  "api/v1/transactions/[id]": "transaction",
  "api/v1/webhooks/[id]": "webhook",
  "api/v1/webhooks/[id]/deliveries": "webhook",
  "api/v1/webhooks/[id]/test": "webhook",
};

async function created(r: Promise<Awaited<ReturnType<typeof call>>>, key = "id"): Promise<string> {
  const res = await r;
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json[key] as string;
}

export async function makeOneOfEach(user: TestUser): Promise<OwnedObjects> {
  const auth = { cookie: user.cookie };
  const post = (handler: Parameters<typeof call>[0], url: string, body: unknown) => call(handler, url, { method: "POST", auth, body });
  const stream = await created(post(createStream, "/api/v1/streams", { name: "Studio", platform: "Stripe" }));
  return {
    stream,
    schedule: await created(
      post(postSchedule, "/api/v1/schedules", { streamId: stream, amount: "100.00", cadence: "monthly", startOn: "2025-01-10" }),
    ),
    transaction: await created(
      post(postTx, "/api/v1/transactions", { streamId: stream, occurredOn: "2025-02-10", amount: "100.00", counterparty: "Acme" }),
    ),
    goal: await created(post(postGoal, "/api/v1/goals", { streamId: stream, amount: "500.00", effectiveFrom: "2025-01" })),
    timeEntry: await created(post(postTimeEntry, "/api/v1/time-entries", { streamId: stream, occurredOn: "2025-02-10", minutes: 90 })),
    token: await created(post(postToken, "/api/v1/tokens", { name: "A's script", scope: "write" })),
    fxRate: await created(post(postFx, "/api/v1/fx-rates", { currency: "EUR", date: "2025-01-01", rate: "1.1" })),
    import: await created(
      call(postImport, "/api/v1/imports", {
        method: "POST",
        auth,
        headers: { "content-type": "text/csv" },
        rawBody: "date,stream,amount\n2025-03-01,Studio,12.00\n",
      }),
      "importId",
    ),
    mapping: await created(
      post(postMapping, "/api/v1/imports/mappings", {
        name: "Bank",
        mapping: { columns: { date: "A", amount: "B" }, dateFormat: "iso", decimal: "." },
      }),
    ),
    webhook: await created(post(postWebhook, "/api/v1/webhooks", { url: "https://example.com/hook", events: ["transaction.created"] })),
  };
}
