// Runs the scanner (TypeScript in scripts/scan/) with no extra tooling: esbuild, already used by the
// build tools, bundles cli.ts for Node with the packages left as imports, and Node runs the result.
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..", "..");
// Inside node_modules so the bundle's package imports resolve; one file per run, so runs in parallel
// (two Playwright workers) do not trample each other.
const outDir = path.join(root, "node_modules", ".cache", "candor-scan");
const outFile = path.join(outDir, `cli-${randomUUID()}.mjs`);
mkdirSync(outDir, { recursive: true });

await build({
  entryPoints: [path.join(root, "scripts", "scan", "cli.ts")],
  outfile: outFile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "inline",
  logLevel: "error",
  tsconfig: path.join(root, "tsconfig.json"),
});
let cli;
try {
  cli = await import(pathToFileURL(outFile).href);
} finally {
  rmSync(outFile, { force: true });
}
process.exitCode = await cli.main(process.argv.slice(2), root);
