import { dataSetServerEnv } from "./data-set.ts";
import { startServer } from "./server.ts";
import { signInHeaders } from "./scenarios/slots.ts";
import { createHash } from "node:crypto";
const md5Uuid = (text: string) => { const hex = createHash("md5").update(text).digest("hex"); return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`; };
const url = "postgres://postgres@127.0.0.1:5432/portico_bench_scale";
const server = await startServer(dataSetServerEnv(url, { PORTICO_WORKER: "0" }), { readyTimeoutMs: 300_000 });
try {
  const h = await signInHeaders(server.base, "frontdesk@demo.portico.test", "Portico-demo-2026!");
  const n = Number(process.env.N ?? 300);
  const path = process.env.P ?? `/api/arrivals?locationId=${md5Uuid("loc1")}`;
  let bytes = 0;
  for (let i = 0; i < 20; i++) await (await fetch(`${server.base}${path}`, { headers: h })).arrayBuffer();
  const t = performance.now();
  for (let i = 0; i < n; i++) bytes = (await (await fetch(`${server.base}${path}`, { headers: h })).arrayBuffer()).byteLength;
  console.log("mean ms", ((performance.now() - t) / n).toFixed(2), "bytes", bytes);
} finally { await server.stop(); }
