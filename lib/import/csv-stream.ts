import Papa from "papaparse";

/**
 * Streamed CSV records for the import engine: RFC 4180 (quoted separators, quotes and newlines) through
 * papaparse's own parser, fed chunk by chunk, so the parsed text held is one chunk and at most one
 * unfinished record, never the file.
 *
 * - Text: UTF-8, with or without a BOM; a UTF-16 file (Excel's "Unicode text") is recognised by its BOM.
 *   Bytes that are not valid in that encoding (a Windows-1252 export, say) fail the file with their line
 *   instead of turning names into U+FFFD.
 * - Separator and line break: guessed from the first 64 KB like papaparse does (`,` `;` tab `|`; `,`
 *   when nothing fits better), so a spreadsheet's semicolon export reads too.
 * - Line numbers: the file's line where each record starts, counting the line breaks inside quoted
 *   cells, as a text editor (and the error list) shows them.
 * - Blank records (empty lines, or only separators) are left out but counted as lines.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
  /** papaparse's complaint about this record's quoting, if any. */
  error?: string;
}

/** A file that cannot be read as CSV at all; `line` is where the trouble starts. */
export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** No legitimate record is longer; a longer one is almost always an unclosed quote swallowing the file. */
export const MAX_RECORD_CHARS = 1024 * 1024;
const SNIFF_CHARS = 64 * 1024;

type ParseResult = { data: string[][]; errors: { row?: number; message: string; code?: string }[]; meta: { cursor: number } };

function encodingOf(head: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return "utf-8";
}

const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    if (cell.indexOf("\n") === -1 && cell.indexOf("\r") === -1) continue;
    n += cell.match(LINE_BREAK)?.length ?? 0;
  }
  return n;
}

/** The separator and line break papaparse guesses from the start of the file. */
function sniff(sample: string): { delimiter: string; newline: "\n" | "\r\n" | "\r" } {
  const meta = Papa.parse<string[]>(sample, { preview: 10, skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t", "|"] }).meta;
  const newline = meta.linebreak === "\r\n" || meta.linebreak === "\r" ? meta.linebreak : "\n";
  return { delimiter: meta.delimiter || ",", newline };
}

/** Bytes that are not text in the file's encoding; `before` is the text of their chunk up to them. */
class NotEncoded extends Error {
  constructor(
    readonly encoding: string,
    readonly before: string,
  ) {
    super("not encoded");
  }
}

function notEncoded(encoding: string, input: Uint8Array): NotEncoded {
  const text = new TextDecoder(encoding).decode(input, { stream: true });
  return new NotEncoded(encoding, text.slice(0, Math.max(text.indexOf("\uFFFD"), 0)));
}

const lineBreaks = (text: string) => text.match(LINE_BREAK)?.length ?? 0;

async function* decoded(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let encoding: ReturnType<typeof encodingOf> | undefined;
  let decoder: TextDecoder | undefined;
  let head = new Uint8Array(0);
  const decode = (input: Uint8Array, stream: boolean) => {
    try {
      return decoder!.decode(input, { stream });
    } catch {
      throw notEncoded(encoding!, input);
    }
  };
  const start = (input: Uint8Array) => {
    encoding = encodingOf(input);
    // TextDecoder drops the BOM it recognises (ignoreBOM: false).
    decoder = new TextDecoder(encoding, { fatal: true });
  };
  for await (const chunk of bytes) {
    let input = chunk;
    if (!decoder) {
      // Enough bytes to see a BOM (a first chunk of one byte is possible on a slow connection).
      const joined = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      if (joined.length < 3) {
        head = joined;
        continue;
      }
      start(joined);
      input = joined;
    }
    const text = decode(input, true);
    if (text) yield text;
  }
  if (!decoder) {
    start(head);
    const text = decode(head, true);
    if (text) yield text;
  }
  const rest = decode(new Uint8Array(0), false);
  if (rest) yield rest;
}

/**
 * The records of a CSV byte stream, in batches as they are parsed (one batch per incoming chunk).
 * Throws CsvFormatError for a record past MAX_RECORD_CHARS (an unclosed quote in a large file); an
 * unclosed quote near the end leaves one last record with an `error`.
 */
export async function* csvRecords(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<CsvRecord[]> {
  let parser: Papa.Parser | undefined;
  let newline: "\n" | "\r\n" | "\r" = "\n";
  let pending = "";
  let line = 1;

  const take = (result: ParseResult): CsvRecord[] => {
    const errors = new Map<number, string>();
    for (const e of result.errors)
      if (e.row !== undefined && !errors.has(e.row))
        errors.set(e.row, e.code === "MissingQuotes" ? "A quoted cell is never closed." : 'A quote inside a cell is not doubled ("").');
    const out: CsvRecord[] = [];
    result.data.forEach((cells, i) => {
      const start = line;
      // A file with CRLF read as LF: the CR belongs to the line break, not to the last cell.
      const last = cells[cells.length - 1];
      if (newline === "\n" && last !== undefined && last.endsWith("\r")) cells[cells.length - 1] = last.slice(0, -1);
      line += 1 + lineBreaksIn(cells);
      const error = errors.get(i);
      if (!error && cells.every((c) => c.trim() === "")) return;
      out.push(error ? { line: start, cells, error } : { line: start, cells });
    });
    return out;
  };

  const feed = (text: string, final: boolean): CsvRecord[] => {
    if (!parser) {
      const guess = sniff(text);
      newline = guess.newline;
      parser = new Papa.Parser({ delimiter: guess.delimiter, newline: guess.newline, quoteChar: '"' });
    }
    const input = pending + text;
    const result = parser.parse(input, 0, !final) as ParseResult;
    pending = final ? "" : input.slice(result.meta.cursor);
    if (pending.length > MAX_RECORD_CHARS) {
      throw new CsvFormatError(`A record is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB: is a quote never closed?`, line);
    }
    return take(result);
  };

  let sample = "";
  try {
    for await (const text of decoded(bytes)) {
      if (!parser) {
        // Guess the separator from a good sample, not from whatever the first network chunk held.
        sample += text;
        if (sample.length < SNIFF_CHARS) continue;
        const records = feed(sample, false);
        sample = "";
        if (records.length) yield records;
        continue;
      }
      const records = feed(text, false);
      if (records.length) yield records;
    }
  } catch (err) {
    if (!(err instanceof NotEncoded)) throw err;
    // Counted only now: the lines of the records read, then of the text not yet a record and the bad chunk's
    // start, joined (a CRLF can be cut between the two).
    const at = line + lineBreaks(pending + sample + err.before);
    const name = err.encoding === "utf-8" ? "UTF-8" : "UTF-16";
    throw new CsvFormatError(
      `Line ${at} is not ${name} text: the file was saved in another encoding (such as Windows-1252). Save it as "CSV UTF-8" and import it again.`,
      at,
    );
  }
  const records = feed(sample, true);
  if (records.length) yield records;
}
