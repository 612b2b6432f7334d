void import.meta.url;
async function main() {
  const { csvRecords } = await import("../lib/import/csv-stream");
  const { genericReader } = await import("../lib/import/presets/generic");
  const { checkTransaction } = await import("../lib/schemas/transactions");
  const crypto = await import("node:crypto");
  let seed = 7;
  const rand = () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
  const streams = ["Consulting", "Shop", "Newsletter", "Courses", "YouTube", "Affiliates", "SaaS", "Resale"];
  const N = 100000;
  const enc = new TextEncoder();
  async function* gen() {
    yield enc.encode("date,stream,kind,amount,currency,counterparty,platform,description,external_id\n");
    for (let i = 0; i < N; i += 200) {
      let s = "";
      for (let j = i; j < i + 200; j++) {
        const d = new Date(Date.UTC(2021, 0, 1) + Math.floor(rand() * 1800) * 864e5).toISOString().slice(0, 10);
        s += `${d},${streams[j % 8]},${rand() < 0.15 ? "expense" : "income"},${(1 + Math.floor(rand() * 200000) / 100).toFixed(2)},${rand() < 0.1 ? "EUR" : "USD"},Client ${Math.floor(rand() * 200)},${rand() < 0.2 ? "Stripe" : ""},Item ${j % 97},${rand() < 0.5 ? `x-${j}` : ""}\n`;
      }
      yield enc.encode(s);
    }
  }
  const c0 = process.cpuUsage();
  let t = performance.now();
  const all: string[][] = [];
  let header: string[] | null = null;
  for await (const batch of csvRecords(gen()))
    for (const r of batch) {
      if (!header) header = r.cells;
      else all.push(r.cells);
    }
  const c1 = process.cpuUsage(c0);
  console.log(
    "parse (incl. generation)",
    ((c1.user + c1.system) / 1000).toFixed(0),
    "ms cpu",
    (performance.now() - t).toFixed(0),
    "ms wall",
  );
  t = performance.now();
  let c2 = process.cpuUsage();
  const outs = all.map((cells, i) => {
    const rec: Record<string, string> = Object.create(null);
    header!.forEach((h, k) => (rec[h] = cells[k] ?? ""));
    return genericReader.read(rec, i);
  });
  let c3 = process.cpuUsage(c2);
  console.log("reader", ((c3.user + c3.system) / 1000).toFixed(0), "ms cpu");
  c2 = process.cpuUsage();
  let ok = 0;
  for (const o of outs) {
    if (o.type !== "transactions") continue;
    const t = o.transactions[0]!;
    const raw: Record<string, unknown> = {
      kind: t.kind,
      occurredOn: t.occurredOn,
      amount: t.amount,
      counterparty: t.counterparty,
      platform: t.platform,
      description: t.description,
      stream: t.stream,
    };
    if (t.currency) raw.currency = t.currency;
    if (t.externalId) raw.externalId = t.externalId;
    if (checkTransaction(raw, "USD").ok) ok++;
  }
  c3 = process.cpuUsage(c2);
  console.log("checkTransaction", ((c3.user + c3.system) / 1000).toFixed(0), "ms cpu", ok);
  c2 = process.cpuUsage();
  for (const cells of all) crypto.createHash("sha256").update(JSON.stringify(cells)).digest("hex");
  c3 = process.cpuUsage(c2);
  console.log("sha256", ((c3.user + c3.system) / 1000).toFixed(0), "ms cpu");
  c2 = process.cpuUsage();
  for (let i = 0; i < all.length; i += 5000)
    JSON.stringify(
      all
        .slice(i, i + 5000)
        .map((c) => ({ s: c[1], k: c[2], d: c[0], a: 100, c: c[4], b: 100, cp: c[5], p: c[6] || null, ds: c[7], x: c[8] })),
    );
  c3 = process.cpuUsage(c2);
  console.log("json payload", ((c3.user + c3.system) / 1000).toFixed(0), "ms cpu");
}
main();
