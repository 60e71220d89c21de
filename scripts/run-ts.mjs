// Runs one of this repo's TypeScript command-line tools with plain Node: esbuild bundles the entry
// (resolving the @/ paths of tsconfig.json, leaving packages to node_modules) and its main() runs.
// Usage: node scripts/run-ts.mjs scripts/content-check/cli.ts [args…]
import { build } from "esbuild";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("Usage: node scripts/run-ts.mjs <file.ts> [args…]");
  process.exit(2);
}
const outfile = path.join(root, "node_modules/.cache/candor", `${entry.replace(/[/\\]/g, "_").replace(/\.tsx?$/, "")}.mjs`);
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
const mod = await import(pathToFileURL(outfile).href);
process.exitCode = await mod.main(args);
