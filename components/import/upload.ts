import { ApiProblem } from "@/lib/api-client";

/** A refused upload: the problem, with the whole problem+json body (an import's errors carry their file line). */
export class UploadProblem extends ApiProblem {
  constructor(
    status: number,
    title: string,
    detail: string | undefined,
    errors: { path: string; message: string }[] | undefined,
    readonly body: unknown,
  ) {
    super(status, title, detail, errors);
  }
}

export type UploadProgress = { phase: "uploading"; loaded: number; total: number } | { phase: "checking" };

/**
 * POSTs a file as the request body with XMLHttpRequest, the one browser API that reports upload progress
 * (fetch cannot, for a body of this kind). Answers the parsed JSON; a problem+json answer becomes an
 * ApiProblem like apiFetch throws, so the forms read errors one way.
 */
export function uploadFile<T>(url: string, file: Blob, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    // The file as it is: the server reads the body as CSV (or JSON for a backup) while it streams in.
    xhr.setRequestHeader("content-type", file.type && file.type !== "application/vnd.ms-excel" ? file.type : "text/csv");
    xhr.withCredentials = true;
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ phase: "uploading", loaded: e.loaded, total: e.total });
    };
    // Every byte is sent; what remains is the server reading and checking the rows.
    xhr.upload.onload = () => onProgress({ phase: "checking" });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const p = (body ?? {}) as { title?: string; detail?: string; errors?: { path: string; message: string }[] };
      reject(new UploadProblem(xhr.status, p.title ?? (xhr.statusText || "Request failed"), p.detail, p.errors, body));
    };
    xhr.onerror = () => reject(new UploadProblem(0, "Network error", "The connection was lost. Check it and try again.", [], null));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    if (signal) {
      if (signal.aborted) return xhr.abort();
      signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}
