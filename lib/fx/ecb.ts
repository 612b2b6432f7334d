/**
 * The European Central Bank's euro foreign exchange reference rates, as its public files give them
 * (eurofxref-daily.xml, eurofxref-hist-90d.xml, eurofxref-hist.xml): one `<Cube time="…">` per day
 * holding `<Cube currency="USD" rate="1.0512"/>` per currency, each rate in units of the currency per
 * euro. The format is fixed and flat, so a scan reads it; anything that does not fit is skipped.
 */

export interface ReferenceRate {
  date: string;
  currency: string;
  /** Units of `currency` per euro, as the file writes it. */
  perEur: string;
}

const DAY = /<Cube\s+time\s*=\s*["'](\d{4}-\d{2}-\d{2})["']\s*>([\s\S]*?)<\/Cube>/g;
const RATE = /<Cube\s+currency\s*=\s*["']([A-Z]{3})["']\s+rate\s*=\s*["'](\d{1,12}(?:\.\d{1,12})?)["']\s*\/>/g;

export function parseEcbRates(xml: string): ReferenceRate[] {
  const out: ReferenceRate[] = [];
  for (const day of xml.matchAll(DAY)) {
    const date = day[1]!;
    for (const rate of day[2]!.matchAll(RATE)) {
      if (Number(rate[2]) > 0) out.push({ date, currency: rate[1]!, perEur: rate[2]! });
    }
  }
  return out;
}

export const ECB_DAILY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml";
export const ECB_HISTORY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.xml";
