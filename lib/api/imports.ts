import "server-only";
import { createImportMapping, deleteImportMapping, getImportMapping, listImportMappings } from "@/lib/data/import-mappings";
import { deleteImport, listImports } from "@/lib/data/imports";
import { afterBulkWrite } from "@/lib/data/maintenance";
import { ApiError, unprocessable } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import { runImport } from "@/lib/import/engine";
import { mappingReader, parseImportMapping } from "@/lib/import/mapping";
import { findReader, readers } from "@/lib/import/presets/index";
import type { ImportReader } from "@/lib/import/types";
import { readUpload } from "@/lib/import/upload";
import {
  deletedImportResponse,
  importHistoryQuery,
  importHistoryResponse,
  importMappingInput,
  importMappingList,
  importMappingResponse,
  importQuery,
  importResponse,
  presetsResponse,
  type ImportQuery,
} from "@/lib/schemas/imports";
import { defineOperation, reply } from "./operation";

/** The reader an import asks for: a built-in one by id, or the user's own column mapping. */
async function readerFor(userId: string, query: ImportQuery): Promise<ImportReader> {
  if (query.preset === "mapping") {
    if (!query.mapping)
      throw unprocessable("Give the column mapping.", [{ path: "mapping", message: "Send the mapping as JSON, or a saved mapping's id." }]);
    let mapping: unknown;
    if (isUuid(query.mapping)) {
      try {
        mapping = (await getImportMapping(userId, query.mapping)).mapping;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404)
          throw unprocessable("No such saved mapping.", [{ path: "mapping", message: "No such saved mapping." }]);
        throw err;
      }
    } else {
      try {
        mapping = JSON.parse(query.mapping) as unknown;
      } catch {
        throw unprocessable("The mapping is not valid JSON.", [{ path: "mapping", message: "Send the mapping as JSON." }]);
      }
    }
    return readerOfMapping(mapping);
  }
  const reader = findReader(query.preset);
  if (!reader)
    throw unprocessable("No such preset.", [
      { path: "preset", message: `Use one of: ${[...readers.map((r) => r.id), "mapping"].join(", ")}.` },
    ]);
  return reader;
}

/** A user's own column mapping, checked by its schema: every problem is a 422 on `mapping.<field>`. */
function readerOfMapping(mapping: unknown): ImportReader {
  const parsed = parseImportMapping(mapping);
  if (!parsed.ok) throw unprocessable("The column mapping did not pass validation.", parsed.errors);
  return mappingReader(parsed.mapping);
}

export const importOp = defineOperation({
  method: "POST",
  path: "/api/v1/imports",
  operationId: "importCsv",
  tag: "Imports",
  summary: "Import a CSV file of transactions",
  description:
    "The file is the body (`text/csv`) or a multipart/form-data field `file`, at most 50 MB, received whole before the import starts (a file larger than that is refused as it arrives). The same checks as a batch POST of transactions, without the 1,000 limit, all in one database transaction: one invalid row answers 422 with every invalid row's problems (`errors[].row` is the file's line number) and writes nothing, unless `skipInvalid=true`. A row whose `externalId` is known is a duplicate, never inserted twice; rows without one get an id derived from their content and occurrence in the file, so importing the same file again inserts nothing. Unknown stream names are created (kind other, role growth) and reported. `dryRun=true` answers the same counts (200) and a preview, and writes nothing.",
  access: "write",
  query: importQuery,
  rawBody: { media: ["text/csv", "multipart/form-data"], description: "The CSV file: the body itself, or a multipart field `file`." },
  status: 201,
  response: importResponse,
  alsoStatus: { 200: "A dry run: what the import would do, with a preview; nothing was written." },
  handle: async ({ userId, query, req }) => {
    const reader = await readerFor(userId, query);
    const upload = await readUpload(req);
    const result = await runImport(upload.bytes, {
      userId,
      reader,
      stream: query.stream ?? null,
      dryRun: query.dryRun,
      skipInvalid: query.skipInvalid,
      fileName: query.fileName ?? upload.fileName,
    });
    // A dry run's rows are written and rolled back: dead rows either way.
    afterBulkWrite(result.rows);
    const body = importResponse.parse(result);
    return query.dryRun ? reply(body, 200) : body;
  },
});

export const listImportsOp = defineOperation({
  method: "GET",
  path: "/api/v1/imports",
  operationId: "listImports",
  tag: "Imports",
  summary: "Import history, newest first",
  access: "read",
  query: importHistoryQuery,
  status: 200,
  response: importHistoryResponse,
  handle: async ({ userId, query }) => importHistoryResponse.parse(await listImports(userId, query)),
});

export const deleteImportOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/imports/{id}",
  operationId: "deleteImport",
  tag: "Imports",
  summary: "Delete an import and every transaction it brought in",
  description: "Answers the import's record and how many transactions were deleted; the figures follow at once.",
  access: "write",
  status: 200,
  response: deletedImportResponse,
  handle: async ({ userId, params }) => {
    const deleted = await deleteImport(userId, params.id ?? "");
    afterBulkWrite(deleted.deletedTransactions);
    return deletedImportResponse.parse(deleted);
  },
});

export const listPresetsOp = defineOperation({
  method: "GET",
  path: "/api/v1/imports/presets",
  operationId: "listImportPresets",
  tag: "Imports",
  summary: "The file formats an import reads, and the caller's saved mappings",
  access: "read",
  status: 200,
  response: presetsResponse,
  handle: async ({ userId }) =>
    presetsResponse.parse({
      data: readers.map((r) => ({
        id: r.id,
        name: r.name,
        description: r.description,
        platform: r.platform,
        defaultStream: r.defaultStream,
        requiredColumns: [...r.requiredColumns],
      })),
      mappings: await listImportMappings(userId),
    }),
});

export const listImportMappingsOp = defineOperation({
  method: "GET",
  path: "/api/v1/imports/mappings",
  operationId: "listImportMappings",
  tag: "Imports",
  summary: "The caller's saved column mappings",
  access: "read",
  status: 200,
  response: importMappingList,
  handle: async ({ userId }) => importMappingList.parse({ data: await listImportMappings(userId), nextCursor: null }),
});

export const createImportMappingOp = defineOperation({
  method: "POST",
  path: "/api/v1/imports/mappings",
  operationId: "createImportMapping",
  tag: "Imports",
  summary: "Save a column mapping as one of the caller's presets",
  access: "write",
  body: importMappingInput,
  bodyFormats: ["json"],
  status: 201,
  response: importMappingResponse,
  conflicts: "A mapping with this name exists.",
  handle: async ({ userId, body }) => importMappingResponse.parse(await createImportMapping(userId, body)),
});

export const deleteImportMappingOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/imports/mappings/{id}",
  operationId: "deleteImportMapping",
  tag: "Imports",
  summary: "Delete a saved column mapping",
  access: "write",
  status: 200,
  response: importMappingResponse,
  handle: async ({ userId, params }) => importMappingResponse.parse(await deleteImportMapping(userId, params.id ?? "")),
});
