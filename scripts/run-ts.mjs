// Runs one of this repo's TypeScript command-line tools with plain Node: esbuild bundles the entry
// (resolving the @/ paths of tsconfig.json, leaving packages to node_modules) and its main() runs.
// Usage: node scripts/run-ts.mjs scripts/content-check/cli.ts [args…]

import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("Usage: node scripts/run-ts.mjs <file.ts> [args…]");
  process.exit(2);
}
// Inside node_modules so the bundle's package imports resolve; one file per run, so runs never collide.
const outfile = path.join(
  root,
  "node_modules/.cache/candor",
  `${entry.replace(/[/\\]/g, "_").replace(/\.tsx?$/, "")}-${process.pid}.mjs`,
);
await build({
  entryPoints: [path.resolve(root, entry)],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  outfile,
  logLevel: "error",
  tsconfig: path.join(root, "tsconfig.json"),
});
let mod;
try {
  mod = await import(pathToFileURL(outfile).href);
} finally {
  await rm(outfile, { force: true });
}
process.exitCode = await mod.main(args);
