#!/usr/bin/env node
// Prints the gzip size of the client JavaScript the consent system adds to a page: its client entry
// bundled with esbuild, react / react-dom / next external, minified, gzip -9 — the method by which
// vanilla-cookieconsent 3.1 measures 10.2 KB and c15t 2.2's Next.js banner 48.9 KB. Target: < 8 KB.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { CANDOR_CONSENT_ENTRY, measureBundle, root } from "./bundle-size.mjs";

const result = await measureBundle(CANDOR_CONSENT_ENTRY, { sourcefile: "consent-client-entry.ts" });
const js = { length: result.minified };
const gz = result.gzip;
const css = readFileSync(path.join(root, "components/consent/consent.css"));
const cssGz = gzipSync(css, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KiB, ${(n / 1000).toFixed(2)} kB`;

if (process.argv.includes("--inputs")) {
  const inputs = Object.entries(result.metafile.outputs)
    .filter(([file]) => result.upFront.has(file))
    .flatMap(([, output]) => Object.entries(output.inputs));
  for (const [file, { bytesInOutput }] of inputs.sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput))
    console.log(`  ${String(bytesInOutput).padStart(6)}  ${file}`);
}
console.log(
  `consent client JS: ${js.length} bytes minified, ${gz} bytes gzip -9 (${kb(gz)}; target < 8 KB), loaded with every page`,
);
for (const chunk of result.onDemand) {
  const names = chunk.inputs.filter((i) => !i.includes("node_modules")).map((i) => path.basename(i));
  console.log(`  on demand:       ${chunk.minified} bytes minified, ${chunk.gzip} bytes gzip -9 (${names.join(", ")})`);
}
console.log(`consent CSS:       ${css.length} bytes, ${cssGz} bytes gzip -9 (${kb(cssGz)})`);
