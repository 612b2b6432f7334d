// The Automations page in a real browser: it lists the tokens made in Settings, and its copy-ready requests
// are run as they are written (the form-encoded payment with a real write token, the JSON one, the
// documented 422, the metrics read with a read token), so the docs cannot drift from the API. It passes axe
// and fits a phone in dark mode, and screenshots are kept for a person to look at.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { invalidDate, TOKEN_VARIABLE, type ExampleField } from "@/components/automations/examples";
import type { MetricsView } from "@/lib/schemas/metrics";
import type { TransactionView } from "@/lib/schemas/transactions";
import { launch, openPage, type WatchedPage } from "./browser";
import { expectNoSeriousViolations, expectNoSidewaysScroll, newAccount, signUp, todayOf } from "./support";

const baseUrl = inject("baseUrl");
const settle = { timeout: 15_000 };
const STREAM = "Etsy templates";

/** The shell's reading of a single-quoted word: '\'' is a quote inside it. */
const unquote = (word: string) => word.replaceAll(`'\\''`, "'");

/** A curl example as the page shows it: its URL, its -H headers (the token variable filled in) and its body. */
function readCurl(text: string, token: string) {
  const url = /^curl (?:-X (\w+) )?'?([^'\s\\]+)'?/.exec(text);
  expect(url, text).not.toBeNull();
  const headers = Object.fromEntries(
    [...text.matchAll(/-H "([^:"]+): ([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(`$${TOKEN_VARIABLE}`, token)]),
  );
  const form: ExampleField[] = [...text.matchAll(/--data-urlencode '((?:[^']|'\\'')*)'/g)].map((m) => {
    const pair = unquote(m[1]!);
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1) };
  });
  const json = /-d '((?:[^']|'\\'')*)'$/.exec(text)?.[1];
  return { method: url![1] ?? "GET", url: url![2]!, headers, form, json: json === undefined ? undefined : unquote(json) };
}

const formBody = (fields: readonly ExampleField[]) => new URLSearchParams(fields.map((f) => [f.name, f.value])).toString();

describe.skipIf(!baseUrl)("the Automations page", () => {
  let browser: Browser;
  let w: WatchedPage;

  beforeAll(async () => {
    browser = await launch(inject("chromiumPath"));
    w = await openPage(browser, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists the token made in Settings, and its documented requests work as written", async () => {
    const { page } = w;
    await signUp(page, newAccount("automations"));
    expect((await page.request.post("/api/v1/streams", { data: { name: STREAM } })).status()).toBe(201);

    await page.goto("/settings", { waitUntil: "networkidle" });
    await page.getByLabel("Token name").fill("Zapier");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
    expect(token).toMatch(/^sfp_/);

    await page.getByRole("link", { name: "Automations" }).first().click();
    await page.waitForURL("**/automations");
    await expect.poll(() => page.getByRole("cell", { name: "Zapier", exact: true }).count(), settle).toBe(1);

    // The form-encoded example, run with node's fetch and the real token.
    const formText = (await page.getByTestId("curl-form").textContent()) ?? "";
    expect(formText).toContain(`${baseUrl}/api/v1/transactions`);
    const form = readCurl(formText, token);
    expect(form.method).toBe("POST");
    expect(form.headers.Authorization).toBe(`Bearer ${token}`);
    expect(form.form.map((f) => f.name)).toEqual(["stream", "occurredOn", "amount", "currency", "counterparty", "externalId"]);
    expect(form.form.find((f) => f.name === "stream")?.value).toBe(STREAM);
    expect(form.form.find((f) => f.name === "occurredOn")?.value).toBe(await todayOf(page));
    const send = (body: string, type = "application/x-www-form-urlencoded") =>
      fetch(form.url, { method: "POST", headers: { ...form.headers, "content-type": type }, body });
    const created = await send(formBody(form.form));
    expect(created.status).toBe(201);
    const tx = (await created.json()) as TransactionView;
    expect(tx).toMatchObject({ streamName: STREAM, amount: "42.50", currency: "USD", counterparty: "Acme Inc." });

    // The JSON example carries the same externalId: the API answers 200 with the same transaction.
    const jsonText = (await page.getByTestId("curl-json").textContent()) ?? "";
    const json = readCurl(jsonText, token);
    expect(json.headers["Content-Type"]).toBe("application/json");
    const again = await fetch(json.url, { method: json.method, headers: json.headers, body: json.json });
    expect(again.status).toBe(200);
    expect(((await again.json()) as TransactionView).id).toBe(tx.id);

    // The documented 422 is the API's answer, word for word.
    const problem = await send(formBody(invalidDate(form.form)));
    expect(problem.status).toBe(422);
    expect(problem.headers.get("content-type")).toBe("application/problem+json");
    expect(await problem.json()).toEqual(JSON.parse((await page.getByTestId("problem-422").textContent()) ?? ""));

    // The metrics example, with a read token: this month's income is the payment just logged.
    const read = (await (await page.request.post("/api/v1/tokens", { data: { name: "Sheet", scope: "read" } })).json()) as {
      token: string;
    };
    const metricsCurl = readCurl((await page.getByTestId("curl-metrics").textContent()) ?? "", read.token);
    const metrics = await fetch(metricsCurl.url, { headers: metricsCurl.headers });
    expect(metrics.status).toBe(200);
    expect(((await metrics.json()) as MetricsView).totals.income).toBe(tx.amountMinor);
    const planCurl = readCurl((await page.getByTestId("curl-plan").textContent()) ?? "", read.token);
    expect((await fetch(planCurl.url, { headers: planCurl.headers })).status).toBe(200);

    await expectNoSeriousViolations(page);
    await w.shot("automations-1280");

    // The payment is on the Transactions page.
    await page.getByRole("link", { name: "Transactions" }).first().click();
    await page.waitForURL("**/transactions");
    await expect.poll(() => page.getByText("Acme Inc.").count(), settle).toBeGreaterThan(0);
    expect(w.problems).toEqual([]);
  });

  it("fits a phone in dark mode and passes axe there", async () => {
    const { page } = w;
    await page.setViewportSize({ width: 375, height: 812 });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/automations", { waitUntil: "networkidle" });
    await page.getByTestId("curl-form").waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousViolations(page);
    await w.shot("automations-375-dark");
    expect(w.problems).toEqual([]);
  });
});
