import { ISO_4217_EXPONENTS } from "@/lib/metrics/iso-4217";

// Option lists for the settings selects, built on the server and passed down as props: the browser's
// ICU data can name currencies and list zones differently from Node's, which would break hydration.

export interface CurrencyChoice {
  code: string;
  name: string;
}

export function currencyChoices(): CurrencyChoice[] {
  const names = new Intl.DisplayNames(["en"], { type: "currency" });
  return Object.keys(ISO_4217_EXPONENTS)
    .sort()
    .map((code) => ({ code, name: names.of(code) ?? code }));
}

/** IANA zones, with the saved one kept even if this runtime lists it under another name (Asia/Calcutta). */
export function timeZoneChoices(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  zones.add(current);
  return [...zones].sort();
}
