import { describe, expect, it } from "vitest";
import { parseEcbRates } from "@/lib/fx/ecb";

// The shape of the ECB's eurofxref files (abridged), with both quote styles and a broken entry.
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube>
    <Cube time="2026-12-01">
      <Cube currency="USD" rate="1.0512"/>
      <Cube currency="JPY" rate="158.42"/>
      <Cube currency="GBP" rate="0.83105"/>
    </Cube>
    <Cube time='2026-11-30'>
      <Cube currency='USD' rate='1.0498'/>
      <Cube currency="XXX" rate="not a number"/>
      <Cube currency="ZZZ" rate="0"/>
    </Cube>
  </Cube>
</gesmes:Envelope>`;

describe("parseEcbRates", () => {
  it("reads each day's rates per euro, keeping the file's decimals, and skips what does not fit", () => {
    expect(parseEcbRates(XML)).toEqual([
      { date: "2026-12-01", currency: "USD", perEur: "1.0512" },
      { date: "2026-12-01", currency: "JPY", perEur: "158.42" },
      { date: "2026-12-01", currency: "GBP", perEur: "0.83105" },
      { date: "2026-11-30", currency: "USD", perEur: "1.0498" },
    ]);
  });

  it("reads nothing from something else", () => {
    expect(parseEcbRates("<html>Service unavailable</html>")).toEqual([]);
    expect(parseEcbRates("")).toEqual([]);
  });
});
