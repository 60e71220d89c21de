// One way to measure a consent tool's client JS: its entry bundled by esbuild (react / react-dom / next
// external), minified, then gzip -9. Used for Candor and for the tools we compare it with.
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export const root = path.resolve(import.meta.dirname, "../..");

/**
 * The entry's JS split as the browser loads it: what a page loads up front (the entry and every chunk it
 * imports statically) and, apart, each chunk it loads only on demand (a dynamic import(), e.g. the
 * settings dialog when the visitor first opens it). Sizes are minified, then gzip -9.
 *
 * The up-front part is compressed as one file, because that is how Next ships it: esbuild moves every
 * module that an on-demand chunk shares with the entry into chunks of its own, but Next's bundler leaves
 * modules the page already has in the page's chunk (in the production build the consent client is one
 * chunk of the policy page, and the dialog, the receipt and the vendors' code are three chunks loaded
 * later). Compressing esbuild's shared chunks one by one would count ~750 B of gzip headers and lost
 * back-references that no visitor downloads. Each on-demand chunk is compressed on its own.
 */
export async function measureBundle(entry, { sourcefile = "entry.ts" } = {}) {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: "ts", sourcefile },
    bundle: true,
    splitting: true,
    outdir: path.join(root, ".bench-size-out"),
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    tsconfig: path.join(root, "tsconfig.json"),
    external: ["react", "react-dom", "react/*", "react-dom/*", "next", "next/*"],
    define: { "process.env.NODE_ENV": '"production"' },
    loader: { ".css": "empty" },
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const outputs = result.metafile.outputs;
  const key = (file) => path.relative(root, file.path);
  const entryKey = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined);
  const upFront = new Set();
  const visit = (k) => {
    if (upFront.has(k)) return;
    upFront.add(k);
    for (const i of outputs[k].imports) if (i.kind === "import-statement" && outputs[i.path]) visit(i.path);
  };
  visit(entryKey);
  const size = (files) => ({
    minified: files.reduce((n, f) => n + f.contents.length, 0),
    gzip: gzipSync(Buffer.concat(files.map((f) => f.contents)), { level: 9 }).length,
  });
  const js = result.outputFiles.filter((f) => f.path.endsWith(".js"));
  const onDemand = js
    .filter((f) => !upFront.has(key(f)))
    .map((f) => ({ inputs: Object.keys(outputs[key(f)].inputs), ...size([f]) }));
  return { ...size(js.filter((f) => upFront.has(key(f)))), onDemand, metafile: result.metafile, upFront };
}

/** Candor's consent system: every client island, as the layout and the MDX map use them. */
export const CANDOR_CONSENT_ENTRY = [
  'export { ConsentProvider, useConsent } from "@/components/consent/consent-provider";',
  'export { CookieSettingsButton } from "@/components/consent/cookie-settings-button";',
  'export { CategorySwitch, ServiceSwitch } from "@/components/consent/inline-switches";',
  'export { ReceiptIsland } from "@/components/consent/receipt-island";',
].join("\n");

/** The tools in the field, measured the same way (devDependencies for this benchmark only). */
export const COMPARED = [
  { name: "vanilla-cookieconsent 3.1", entry: 'export * from "vanilla-cookieconsent";' },
  {
    name: "c15t 2.2 Next.js banner",
    entry: 'export { ConsentManagerProvider, ConsentBanner, ConsentDialog } from "@c15t/nextjs";',
  },
];

export async function compareSizes() {
  const rows = [{ name: "Candor consent", ...(await measureBundle(CANDOR_CONSENT_ENTRY)) }];
  for (const tool of COMPARED) rows.push({ name: tool.name, ...(await measureBundle(tool.entry)) });
  return rows.map(({ name, minified, gzip }) => ({ name, minified, gzip }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await compareSizes())
    console.log(
      `${r.name.padEnd(28)} ${String(r.minified).padStart(7)} B minified  ${String(r.gzip).padStart(6)} B gzip -9`,
    );
}
