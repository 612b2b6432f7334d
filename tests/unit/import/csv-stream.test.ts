// Streamed CSV records: the same records and line numbers however the bytes are cut into chunks.
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvRecords, CsvFormatError, MAX_RECORD_CHARS, type CsvRecord } from "@/lib/import/csv-stream";

async function* chunksOf(bytes: Uint8Array, cuts: number[]) {
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    if (cut > at) yield bytes.slice(at, cut);
    at = Math.max(at, cut);
  }
  if (at < bytes.length) yield bytes.slice(at);
}

async function records(input: string | Uint8Array, cuts: number[] = []): Promise<CsvRecord[]> {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const out: CsvRecord[] = [];
  for await (const batch of csvRecords(chunksOf(bytes, cuts))) out.push(...batch);
  return out;
}

describe("csvRecords", () => {
  it("reads RFC 4180: quoted separators, doubled quotes, quoted line breaks, CRLF, a BOM, blank lines left out", async () => {
    const file = '\uFEFFdate,amount,note\r\n2026-01-01,"1,5","say ""hi"""\r\n\r\n2026-01-02,2,"two\r\nlines"\r\n,,\r\n2026-01-03,3,last';
    expect(await records(file)).toEqual([
      { line: 1, cells: ["date", "amount", "note"] },
      { line: 2, cells: ["2026-01-01", "1,5", 'say "hi"'] },
      { line: 4, cells: ["2026-01-02", "2", "two\r\nlines"] },
      { line: 7, cells: ["2026-01-03", "3", "last"] },
    ]);
  });

  it("gives the same records whatever the chunk boundaries (mid-character, mid-quote, mid-CRLF)", async () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("é", "💶", '"', ",", "\n", "\r\n", " ", ""));
    const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 12 }),
        async (rows, newline, bom, cuts) => {
          const text = (bom ? "\uFEFF" : "") + ["h1,h2", ...rows.map((r) => r.map(quote).join(","))].join(newline) + newline;
          const whole = await records(text);
          expect(await records(text, cuts)).toEqual(whole);
          // and the same cells papaparse reads from the whole text at once (blank records left out)
          const papa = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { newline, delimiter: "," }).data.filter(
            (r) => !r.every((c) => c.trim() === ""),
          );
          expect(whole.map((r) => r.cells)).toEqual(papa);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("counts lines as an editor does, across quoted line breaks", async () => {
    const recs = await records('a,b\n1,"x\ny\nz"\n2,"\r\n"\n3,ok\n');
    expect(recs.map((r) => r.line)).toEqual([1, 2, 5, 7]);
  });

  it("guesses a semicolon or tab separator, and reads UTF-16 with its BOM", async () => {
    expect((await records("date;amount\n2026-01-01;1,50\n")).map((r) => r.cells)).toEqual([
      ["date", "amount"],
      ["2026-01-01", "1,50"],
    ]);
    expect((await records("date\tamount\n2026-01-01\t1.50\n")).map((r) => r.cells)).toEqual([
      ["date", "amount"],
      ["2026-01-01", "1.50"],
    ]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from("date,amount\nä,1\n").flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await records(utf16, [3, 7])).map((r) => r.cells)).toEqual([
      ["date", "amount"],
      ["ä", "1"],
    ]);
  });

  it("marks a record with a broken quote, and refuses a record that never ends", async () => {
    expect(await records('a,b\n1,"open\n')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "open\n"], error: "A quoted cell is never closed." },
    ]);
    const huge = `a,b\n1,"${"x".repeat(MAX_RECORD_CHARS + 10)}`;
    await expect(
      records(
        huge,
        Array.from({ length: 40 }, (_, i) => (i + 1) * 32_768),
      ),
    ).rejects.toBeInstanceOf(CsvFormatError);
  });

  it("refuses bytes that are not UTF-8 (a Windows-1252 export) with their line, wherever the chunks are cut", async () => {
    // "Zoë" and "café" in Windows-1252 on lines 3 and 4: 0xEB and 0xE9 are not UTF-8 on their own.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('name,amount\n"two\nlines",1\nZo'),
      0xeb,
      ...new TextEncoder().encode(",2\ncaf"),
      0xe9,
      ...new TextEncoder().encode(",3\n"),
    ]);
    for (const cuts of [[], [5], [17, 18, 19], [24]]) {
      const error = await records(bytes, cuts).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CsvFormatError);
      expect((error as CsvFormatError).line).toBe(4);
      expect((error as CsvFormatError).message).toMatch(/^Line 4 is not UTF-8 text/);
    }
  });

  it("names the line of a bad byte past the separator sample too (85,000 characters in, a CRLF cut between chunks), however the file is cut", async () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    const bytes = new Uint8Array([...enc("date,amount\n" + "2026-01-01,1.00\r\n".repeat(5_000) + "Zo"), 0xeb, ...enc(",2\n")]);
    for (const cuts of [[], [70_000], Array.from({ length: 30 }, (_, i) => (i + 1) * 4096)]) {
      await expect(records(bytes, cuts)).rejects.toThrow(/^Line 5002 is not UTF-8 text/);
    }
  });

  it("refuses a UTF-16 file with a lone surrogate", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00, 0x00, 0xd8, 0x0a, 0x00]); // "a\n" + U+D800 + "\n"
    await expect(records(bytes)).rejects.toThrow(/^Line 2 is not UTF-16 text/);
  });
});
