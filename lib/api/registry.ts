import "server-only";
import * as account from "./account";
import * as exportData from "./export";
import * as fxRates from "./fx-rates";
import * as goals from "./goals";
import * as imports from "./imports";
import * as insights from "./insights";
import * as metrics from "./metrics";
import type { Operation } from "./operation";
import * as plan from "./plan";
import * as schedules from "./schedules";
import * as streams from "./streams";
import * as timeEntries from "./time-entries";
import * as transactions from "./transactions";
import * as webhooks from "./webhooks";

const isOperation = (value: unknown): value is Operation =>
  typeof value === "object" && value !== null && "operationId" in value && "handle" in value;

/** Every operation of /api/v1, in the order the OpenAPI document lists them. */
export const operations: readonly Operation[] = [
  account,
  streams,
  transactions,
  timeEntries,
  goals,
  schedules,
  fxRates,
  metrics,
  plan,
  insights,
  imports,
  exportData,
  webhooks,
].flatMap((module) => Object.values(module).filter(isOperation));
