// `npm run bench`: every figure in one run, printed and written to docs/benchmarks.md with machine and date.
// Needs a production build (`npm run build`). nginx (Debian package) is used when installed.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { compareSizes } from "./bundle-size.mjs";
import { runLighthouse } from "./lighthouse.mjs";
import { runRps } from "./rps.mjs";
import { machine, startNext } from "./support.mjs";

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const date = new Date().toISOString().slice(0, 10);
const sections = [];
const log = (s) => console.log(s);

log(`Candor benchmarks — ${date}\nMachine: ${machine()}\n`);

// 1. Consent client JS, beside the tools in the field, measured the same way
log("Consent client JS (esbuild, react/react-dom/next external, minified, gzip -9) …");
const sizes = await compareSizes();
for (const r of sizes) log(`  ${r.name.padEnd(28)} ${String(r.gzip).padStart(6)} B gzip (${(r.gzip / 1024).toFixed(2)} KiB), ${r.minified} B minified`);
sections.push(
  `## Consent client JS (esbuild bundle, react/react-dom/next external, minified, gzip -9)\n\n| Tool | gzip | minified |\n|---|---|---|\n` +
    sizes.map((r) => `| ${r.name} | ${r.gzip} B (${(r.gzip / 1024).toFixed(2)} KiB) | ${r.minified} B |`).join("\n") +
    "\n\nTarget for Candor: under 8 KiB.\n",
);

// 2. Lighthouse, mobile, banner showing (a first-time visitor)
log("Lighthouse (mobile) on /en/cookie-policy …");
const server = await startNext();
let lh;
try {
  lh = await runLighthouse({ origin: server.origin });
} finally {
  await server.stop();
}
log(
  `  performance ${lh.performance} · accessibility ${lh.accessibility} · best-practices ${lh.bestPractices} · SEO ${lh.seo}\n` +
    `  LCP ${lh.lcpMs} ms · CLS ${lh.cls} · TBT ${lh.tbtMs} ms · FCP ${lh.fcpMs} ms`,
);
sections.push(
  `## Lighthouse ${lh.lighthouseVersion}, mobile, policy page with the banner showing\n\n` +
    `| Performance | Accessibility | Best practices | SEO | LCP | CLS | TBT |\n|---|---|---|---|---|---|---|\n` +
    `| ${lh.performance} | ${lh.accessibility} | ${lh.bestPractices} | ${lh.seo} | ${lh.lcpMs} ms | ${lh.cls} | ${lh.tbtMs} ms |\n\n` +
    (lh.notPerfect.length ? `Audits below full marks: ${lh.notPerfect.join(", ")}.\n` : ""),
);

// 3. Requests per second, next start vs nginx on the same prerendered HTML
log(`\nRequests per second (autocannon, 50 connections, ${seconds} s) …`);
const rps = await runRps({ duration: seconds });
log(`  next start: ${rps.next.requestsPerSec} req/s (p50 ${rps.next.latencyP50Ms} ms, p99 ${rps.next.latencyP99Ms} ms, errors ${rps.next.errors}, non-2xx ${rps.next.non2xx})`);
if (rps.nginx)
  log(`  nginx:      ${rps.nginx.requestsPerSec} req/s (p50 ${rps.nginx.latencyP50Ms} ms, p99 ${rps.nginx.latencyP99Ms} ms)\n  ratio next/nginx: ${rps.ratio}`);
sections.push(
  `## Requests per second, policy page (${Math.round(rps.htmlBytes / 1024)} KiB HTML), 50 connections, ${seconds} s\n\n` +
    `| Server | req/s | p50 | p99 | errors | non-2xx |\n|---|---|---|---|---|---|\n` +
    `| next start | ${rps.next.requestsPerSec} | ${rps.next.latencyP50Ms} ms | ${rps.next.latencyP99Ms} ms | ${rps.next.errors} | ${rps.next.non2xx} |\n` +
    (rps.nginx ? `| nginx (same prerendered HTML) | ${rps.nginx.requestsPerSec} | ${rps.nginx.latencyP50Ms} ms | ${rps.nginx.latencyP99Ms} ms | ${rps.nginx.errors} | ${rps.nginx.non2xx} |\n\nRatio next/nginx: ${rps.ratio}.\n` : "\nnginx not installed: no comparison.\n"),
);

// 4. The storage inspector with 2,000 keys (its own script; it builds nothing and starts its own server)
log("\nStorage inspector with 2,000 keys …");
const inspector = spawnSync(process.execPath, ["scripts/bench/inspector.mjs"], { encoding: "utf8", env: process.env });
const inspectorOut = (inspector.stdout || "").trim();
log(inspectorOut.split("\n").map((l) => `  ${l}`).join("\n"));
if (inspector.status !== 0) log(`  (inspector benchmark failed: ${inspector.stderr.trim().split("\n").at(-1)})`);
sections.push(`## Storage inspector, 2,000 keys\n\n\`\`\`\n${inspectorOut}\n\`\`\`\n`);

const md = `# Benchmarks\n\nMeasured by \`npm run bench\` on ${date}.\nMachine: ${machine()}.\n\n${sections.join("\n")}`;
writeFileSync("docs/benchmarks.md", md);
log("\nWrote docs/benchmarks.md");
