import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { ApiError, unprocessable } from "@/lib/http-errors";

/** The largest file an import takes. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Room for a multipart body's boundaries and part headers around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * An uploaded file, received to its end before the import starts: a slow or stalled upload must not
 * hold the import's database transaction open (on the embedded database that is the only connection,
 * and every other request would wait for the sender).
 */
export interface Upload {
  /** The file's own name (multipart), or null. */
  fileName: string | null;
  /** The file's bytes, in the chunks they arrived in. */
  bytes: AsyncIterable<Uint8Array>;
}

const tooLarge = (maxBytes: number) =>
  new ApiError(
    413,
    "Payload too large",
    `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Split it, or import it in parts.`,
  );

/** The connection ended before the body did: the client gave up or lost its network (not the database). */
const cutOff = () => new ApiError(400, "Upload cut off", "The file stopped arriving before its end. Nothing was imported: send it again.");

const malformed = () =>
  unprocessable("The multipart body could not be read.", [{ path: "file", message: "The multipart body is malformed." }]);

async function* replay(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

/** A web body read to its end, refused at the limit instead of after it (the rest is never read). */
async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array[]> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        throw cutOff();
      });
      if (done) return chunks;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/**
 * The uploaded CSV of an import request: a multipart/form-data body's first file (the page's form field
 * is `file`), or else the body itself (text/csv, or whatever curl --data-binary sends). A Content-Length
 * over the limit is refused before anything is read; a chunked body is cut off at the limit.
 */
export async function readUpload(req: Request, maxBytes = MAX_IMPORT_BYTES): Promise<Upload> {
  const type = req.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data/i.test(type);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes + (multipart ? MULTIPART_OVERHEAD : 0)) throw tooLarge(maxBytes);
  if (!req.body)
    throw unprocessable("The request has no file.", [
      { path: "file", message: "Send the CSV as the body (text/csv) or as a multipart field named file." },
    ]);
  if (!multipart) return { fileName: null, bytes: replay(await readLimited(req.body, maxBytes)) };
  const file = await readMultipart(req.body, type, maxBytes);
  return { fileName: file.name, bytes: replay(file.chunks) };
}

function readMultipart(body: ReadableStream<Uint8Array>, contentType: string, maxBytes: number) {
  return new Promise<{ name: string | null; chunks: Buffer[] }>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: { "content-type": contentType },
        limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 64 * 1024, parts: 30 },
      });
    } catch {
      reject(
        unprocessable("The multipart body could not be read.", [
          { path: "file", message: "Send a multipart/form-data body with a boundary." },
        ]),
      );
      return;
    }
    const source = Readable.fromWeb(body as unknown as NodeWebReadableStream<Uint8Array>);
    let file: { name: string | null; chunks: Buffer[] } | null = null;
    let settled = false;
    const fail = (err: ApiError) => {
      if (settled) return;
      settled = true;
      reject(err);
      source.destroy(); // stops reading the request: the rest is never read
    };
    bb.on("file", (_field, stream, info) => {
      // Listened to at once: busboy can fail a file (a body without its closing boundary) in the same turn.
      stream.on("error", () => fail(malformed()));
      if (file) {
        stream.resume(); // only the first file is imported
        return;
      }
      const own = { name: info.filename || null, chunks: [] as Buffer[] };
      file = own;
      stream.on("data", (chunk: Buffer) => own.chunks.push(chunk));
      stream.on("limit", () => fail(tooLarge(maxBytes)));
    });
    bb.on("error", () => fail(malformed()));
    bb.on("close", () => {
      if (settled) return;
      settled = true;
      if (file) resolve(file);
      else reject(unprocessable("The request has no file.", [{ path: "file", message: "Send the CSV as a multipart field named file." }]));
    });
    // Counts the whole body too: the parts around the file cannot exceed the limit either.
    let size = 0;
    source.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes + MULTIPART_OVERHEAD) fail(tooLarge(maxBytes));
    });
    source.on("error", () => fail(cutOff()));
    source.pipe(bb);
  });
}
