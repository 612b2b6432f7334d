import "server-only";
import {
  backupTimeEntryPage,
  backupTransactionPage,
  EXPORT_PAGE,
  exportCsvPage,
  inSnapshot,
  readBackupHead,
  restoreBackup,
} from "@/lib/data/backup";
import { afterBulkWrite } from "@/lib/data/maintenance";
import { cell, neutraliseFormula } from "@/lib/csv";
import { GENERIC_COLUMNS } from "@/lib/import/presets/generic";
import { ownExternalId } from "@/lib/import/own-ids";
import { formatMinor } from "@/lib/metrics/money";
import { BACKUP_VERSION, backupSchema, exportQuery, restoreResponse } from "@/lib/schemas/backup";
import { defineOperation } from "./operation";

/** Bytes gathered before a write: few, large chunks instead of one per row. */
const FLUSH_CHARS = 64 * 1024;

type Write = (text: string) => Promise<void>;

/**
 * A download streamed as it is produced, with backpressure (a slow client slows the reads down, memory
 * stays flat). Errors before the first byte still answer problem+json: the Response is returned once the
 * producer has written its first chunk. A failure later can only cut the download short.
 */
async function streamed(contentType: string, fileName: string, produce: (write: Write) => Promise<void>): Promise<Response> {
  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(undefined, undefined, { highWaterMark: 8 });
  const writer = writable.getWriter();
  let buffer = "";
  let signalStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    signalStarted = resolve;
  });
  const flush = async () => {
    if (!buffer) return;
    const bytes = encoder.encode(buffer);
    buffer = "";
    signalStarted();
    await writer.ready;
    await writer.write(bytes);
  };
  const write: Write = async (text) => {
    buffer += text;
    if (buffer.length >= FLUSH_CHARS) await flush();
  };
  const done = produce(write).then(
    async () => {
      await flush();
      signalStarted();
      await writer.close();
    },
    async (err: unknown) => {
      await writer.abort(err).catch(() => {});
      throw err;
    },
  );
  // Whichever comes first: the first bytes (answer now, stream the rest) or the producer's end or failure.
  await Promise.race([started, done]);
  // Past the first byte, a failure (or a client that went away) can only end the download early.
  done.catch((err: unknown) => console.warn("export stream ended early", err));
  return new Response(readable, {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}

const today = () => new Date().toISOString().slice(0, 10);

/** Every transaction as the generic CSV, oldest first; formula-like text neutralised, amounts and dates as they are. */
function exportCsv(userId: string): Promise<Response> {
  return streamed("text/csv; charset=utf-8", `streamfolio-transactions-${today()}.csv`, (write) =>
    inSnapshot(async (tx) => {
      await write(`${GENERIC_COLUMNS.join(",")}\r\n`);
      let after: { occurredOn: string; id: string } | null = null;
      for (;;) {
        const page = await exportCsvPage(tx, userId, after, EXPORT_PAGE);
        let text = "";
        for (const t of page) {
          const textCell = (v: string | null) => cell(v === null ? null : neutraliseFormula(v));
          text +=
            [
              t.occurredOn,
              textCell(t.stream),
              t.kind,
              formatMinor(t.amountMinor, t.currency),
              t.currency,
              textCell(t.counterparty),
              textCell(t.platform),
              textCell(t.description),
              textCell(t.externalId ?? ownExternalId(t.id)),
            ].join(",") + "\r\n";
        }
        await write(text);
        const last = page[page.length - 1];
        if (!last || page.length < EXPORT_PAGE) break;
        after = { occurredOn: last.occurredOn, id: last.id };
      }
    }),
  );
}

/** The versioned backup, written section by section; transactions and hours in pages. */
function exportJson(userId: string): Promise<Response> {
  return streamed("application/json; charset=utf-8", `streamfolio-backup-${today()}.json`, (write) =>
    inSnapshot(async (tx) => {
      const head = await readBackupHead(tx, userId);
      const list = (items: readonly unknown[]) => (items.length ? `[\n${items.map((i) => JSON.stringify(i)).join(",\n")}\n]` : "[]");
      await write(
        `{"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(new Date().toISOString())},\n"settings":${JSON.stringify(head.settings)},\n`,
      );
      await write(`"streams":${list(head.streams)},\n"imports":${list(head.imports)},\n"goals":${list(head.goals)},\n`);
      await write(`"fxRates":${list(head.fxRates)},\n"importMappings":${list(head.importMappings)},\n`);
      await write(`"schedules":${list(head.schedules)},\n"streamFeeds":${list(head.streamFeeds)},\n"webhooks":${list(head.webhooks)},\n`);
      const paged = async <T extends { id: string }>(name: string, page: (after: string | null) => Promise<T[]>, last: boolean) => {
        await write(`"${name}":[`);
        let after: string | null = null;
        let first = true;
        for (;;) {
          const rows = await page(after);
          if (rows.length) {
            await write((first ? "\n" : ",\n") + rows.map((r) => JSON.stringify(r)).join(",\n"));
            first = false;
          }
          if (rows.length < EXPORT_PAGE) break;
          after = rows[rows.length - 1]!.id;
        }
        await write(`${first ? "" : "\n"}]${last ? "" : ",\n"}`);
      };
      await paged("timeEntries", (after) => backupTimeEntryPage(tx, userId, after, EXPORT_PAGE), false);
      await paged("transactions", (after) => backupTransactionPage(tx, userId, after, EXPORT_PAGE), true);
      await write("}\n");
    }),
  );
}

export const exportOp = defineOperation({
  method: "GET",
  path: "/api/v1/export",
  operationId: "exportData",
  tag: "Export",
  summary: "Download every transaction as CSV, or a backup of everything you own",
  description:
    "`format=csv` (the default): every transaction in the generic CSV (`date,stream,kind,amount,currency,counterparty,platform,description,external_id`), oldest first, which POST /api/v1/imports takes back as it is (a transaction without an external id is written with `streamfolio:<its id>`, so the file imported back into the same account adds nothing). Text cells a spreadsheet would run as a formula (starting with = + - @) get a leading apostrophe, which the import takes off again; amounts and dates are never changed. `format=json`: the versioned backup of settings, streams, transactions, hours, goals, exchange rates, saved mappings, schedules, the links between streams, webhook endpoints (URL and events) and the import history, for POST /api/v1/restore; no tokens, webhook signing secrets or other secrets. Both are streamed from one consistent snapshot.",
  access: "read",
  query: exportQuery,
  status: 200,
  response: backupSchema,
  alsoMedia: { "text/csv": "The generic CSV (format=csv)." },
  handle: ({ userId, query }) => (query.format === "json" ? exportJson(userId) : exportCsv(userId)),
});

export const restoreOp = defineOperation({
  method: "POST",
  path: "/api/v1/restore",
  operationId: "restoreBackup",
  tag: "Export",
  summary: "Restore a backup into an account with no streams",
  description:
    "Takes the JSON of GET /api/v1/export?format=json (at most 100 MB), checks all of it, and creates everything in one transaction with new ids (every relationship kept): all or nothing. The account must have no streams (409 otherwise); its settings, rates, goals, mappings, import history and webhook endpoints are replaced by the backup's. Each restored webhook endpoint gets a new signing secret, which is not shown: delete the endpoint and register it again in Settings to get one for your receiver. Base-currency amounts and the monthly figures are computed again, so the restored account's metrics equal the original's.",
  access: "write",
  body: backupSchema,
  bodyFormats: ["json"],
  maxBodyBytes: 100 * 1024 * 1024,
  status: 201,
  response: restoreResponse,
  conflicts: "The account already has streams.",
  handle: async ({ userId, body }) => {
    const restored = restoreResponse.parse(await restoreBackup(userId, body));
    afterBulkWrite(body.transactions.length);
    return restored;
  },
});
