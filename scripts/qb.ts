void import.meta.url;
import { loadServerBuildOfNextNavigation } from "./bench/server-modules";
loadServerBuildOfNextNavigation();
import crypto from "node:crypto";
process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
async function main() {
  const { createUser } = await import("../lib/data/users");
  const { createToken } = await import("../lib/data/tokens");
  const route = await import("../app/api/v1/imports/route");
  const { importProbe } = await import("../lib/import/engine");
  const { getDb, closeDb } = await import("../db/index");
  const N = Number(process.env.N ?? 100000);
  const user = await createUser({ name: "B", email: `b-${crypto.randomUUID()}@x.test`, passwordHash: "x" });
  const tok = await createToken(user.id, { name: "w", scope: "write" });
  let seed = 7; const rand = () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
  const streams = ["Consulting", "Shop", "Newsletter", "Courses", "YouTube", "Affiliates", "SaaS", "Resale"];
  let i = 0; const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({ pull(c) {
    if (i === 0) { c.enqueue(enc.encode("date,stream,kind,amount,currency,counterparty,platform,description,external_id\n")); }
    if (i >= N) return c.close();
    let s = ""; const end = Math.min(N, i + 200);
    for (; i < end; i++) { const d = new Date(Date.UTC(2021,0,1) + Math.floor(rand()*1800)*864e5).toISOString().slice(0,10);
      s += `${d},${streams[i%8]},${rand()<0.15?"expense":"income"},${(1+Math.floor(rand()*200000)/100).toFixed(2)},${rand()<0.1?"EUR":"USD"},Client ${Math.floor(rand()*200)},${rand()<0.2?"Stripe":""},Item ${i%97},${rand()<0.5?`x-${i}`:""}\n`; }
    c.enqueue(enc.encode(s)); } });
  const marks: [number, number][] = [];
  let lastCpu = process.cpuUsage();
  const cpuMarks: number[] = [];
  importProbe.onChunk = (rows) => { marks.push([rows, performance.now()]); const c = process.cpuUsage(lastCpu); lastCpu = process.cpuUsage(); cpuMarks.push(Math.round((c.user + c.system) / 1000)); };
  const rss0 = process.memoryUsage().rss; let peak = rss0; const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const t0 = performance.now();
  const res = await route.POST(new Request("http://localhost/api/v1/imports", { method: "POST", body, headers: { authorization: `Bearer ${tok.token}`, "content-type": "text/csv" }, duplex: "half" } as RequestInit), { params: Promise.resolve({}) });
  const t1 = performance.now(); clearInterval(timer);
  const txt = await res.text(); console.log(res.status, txt.slice(0, 300));
  console.log(`total ${(t1-t0).toFixed(0)} ms, ${Math.round(N/((t1-t0)/1000))} rows/s, peak rss growth ${Math.round((peak-rss0)/1048576)} MB`);
  const at = (r: number) => { const m = marks.find(([x]) => x >= r); return m ? m[1] : t1; };
  const first = N/10/((at(N/10)-t0)/1000); const last = N/10/((t1-at(N*0.9))/1000);
  console.log(`first tenth ${Math.round(first)} rows/s, last tenth ${Math.round(last)} rows/s; marks ${marks.length}`);
  console.log("cpu ms per chunk", cpuMarks.join(" "));
  console.log("wall ms per chunk", marks.map((m, i) => Math.round(m[1] - (i ? marks[i - 1]![1] : t0))).join(" "));
  await closeDb();
}
main();
