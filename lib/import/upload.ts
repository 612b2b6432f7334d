import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { ApiError, unprocessable } from "@/lib/http-errors";

/** The largest file an import takes. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Room for a multipart body's boundaries and part headers around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

export interface Upload {
  /** The file's own name (multipart), or null. */
  fileName: string | null;
  /** The file's bytes as they arrive; throws 413 once more than the limit has come. */
  bytes: AsyncIterable<Uint8Array>;
  /** Stops reading the request (also when the import never started on the file). */
  close: () => Promise<void>;
}

const tooLarge = (maxBytes: number) =>
  new ApiError(
    413,
    "Payload too large",
    `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Split it, or import it in parts.`,
  );

/** A web body as it streams in, refused at the limit instead of being read whole first. */
async function* limited(body: ReadableStream<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      yield value;
    }
  } finally {
    // Stops the upload when we stop early (a 413, an invalid file, an error): the rest is never read.
    await reader.cancel().catch(() => {});
  }
}

/**
 * The uploaded CSV of an import request: a multipart/form-data body's first file (the page's form field
 * is `file`), or else the body itself (text/csv, or whatever curl --data-binary sends). A Content-Length
 * over the limit is refused before anything is read; a chunked body is cut off at the limit.
 */
export async function openUpload(req: Request, maxBytes = MAX_IMPORT_BYTES): Promise<Upload> {
  const type = req.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data/i.test(type);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes + (multipart ? MULTIPART_OVERHEAD : 0)) throw tooLarge(maxBytes);
  if (!req.body)
    throw unprocessable("The request has no file.", [
      { path: "file", message: "Send the CSV as the body (text/csv) or as a multipart field named file." },
    ]);
  if (!multipart) {
    const body = req.body;
    const bytes = limited(body, maxBytes);
    return {
      fileName: null,
      bytes,
      close: async () => {
        await bytes.return(undefined);
        if (!body.locked) await body.cancel().catch(() => {});
      },
    };
  }
  return openMultipart(req.body, type, maxBytes);
}

function openMultipart(body: ReadableStream<Uint8Array>, contentType: string, maxBytes: number): Promise<Upload> {
  return new Promise<Upload>((resolve, reject) => {
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
    let settled = false;
    let failure: unknown = null;
    let current: Readable | null = null;
    const fail = (err: unknown) => {
      failure ??= err;
      if (!settled) {
        settled = true;
        reject(err);
      }
      // A reader waiting on the file hears of it (a client gone mid-upload, a malformed body).
      current?.destroy(err instanceof Error ? err : new Error(String(err)));
      source.destroy();
    };
    bb.on("file", (_field, file, info) => {
      if (settled) {
        file.resume();
        return;
      }
      settled = true;
      current = file;
      let tooBig = false;
      file.on("limit", () => {
        tooBig = true;
      });
      async function* bytes(): AsyncGenerator<Uint8Array> {
        try {
          for await (const chunk of file as AsyncIterable<Buffer>) {
            if (failure) throw failure;
            if (tooBig) throw tooLarge(maxBytes);
            yield chunk;
          }
          if (tooBig) throw tooLarge(maxBytes);
          if (failure) throw failure;
        } finally {
          // Stop reading the request once the import is done with the file (or gave up on it).
          file.resume();
          source.destroy();
        }
      }
      const iterator = bytes();
      resolve({
        fileName: info.filename || null,
        bytes: iterator,
        close: async () => {
          await iterator.return(undefined);
          file.resume();
          source.destroy();
        },
      });
    });
    bb.on("error", () =>
      fail(unprocessable("The multipart body could not be read.", [{ path: "file", message: "The multipart body is malformed." }])),
    );
    bb.on("close", () => {
      if (!settled) {
        settled = true;
        reject(unprocessable("The request has no file.", [{ path: "file", message: "Send the CSV as a multipart field named file." }]));
      }
    });
    // Counts the whole body too: the parts around the file cannot exceed the limit either.
    let size = 0;
    source.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes + MULTIPART_OVERHEAD) fail(tooLarge(maxBytes));
    });
    source.on("error", (err) => fail(err));
    source.pipe(bb);
  });
}
