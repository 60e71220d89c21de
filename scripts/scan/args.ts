// The scanner's command line: `npm run scan -- [--url <site>] [--json <file>] [--html <file>] [--stub-vendors] …`.
import { parseArgs } from "node:util";

export interface ScanOptions {
  /** The site to scan; absent: build (if needed) and start the local site. */
  url?: string;
  json?: string;
  html?: string;
  stubVendors: boolean;
  registry: string;
  /** Port for the local site when there is no --url; absent: any free port. */
  port?: number;
  maxPages: number;
  /** Milliseconds to wait after a page settles, for timers that write storage. */
  settle: number;
}

export const USAGE = `Usage: npm run scan -- [options]

Visits the site in Chromium once per consent state (no decision, reject all, accept all, each category
alone, each service alone, accept all with Global Privacy Control), records the cookies, storage and
third-party requests of each, and compares them with the registry.

Options:
  --url <site>        the site to scan (default: build if needed, start this site locally, stop it after)
  --json <file>       write the full report as JSON
  --html <file>       write the report as a web page with the state-by-item matrix
  --stub-vendors      answer the GA4 and TikTok URLs with the e2e stand-in scripts (no internet needed)
  --registry <file>   the registry to compare with (default: content/registry.yaml)
  --port <n>          port for the local site (default: a free one)
  --max-pages <n>     visit at most this many pages per state (default: 40)
  --settle <ms>       wait this long on each page after the network is quiet (default: 300)
  -h, --help          show this help

Exit status: 0 no violation, 1 at least one violation, 2 the scan could not run.`;

export type ParsedArgs = { success: true; help: boolean; options: ScanOptions } | { success: false; error: string };

export function parseScanArgs(argv: string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: "string" },
        json: { type: "string" },
        html: { type: "string" },
        "stub-vendors": { type: "boolean", default: false },
        registry: { type: "string", default: "content/registry.yaml" },
        port: { type: "string" },
        "max-pages": { type: "string", default: "40" },
        settle: { type: "string", default: "300" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    return { success: false, error: (error as Error).message };
  }
  if (values.help)
    return {
      success: true,
      help: true,
      options: { stubVendors: false, registry: values.registry, maxPages: 40, settle: 300 },
    };

  if (values.url !== undefined) {
    let url: URL;
    try {
      url = new URL(values.url);
    } catch {
      return { success: false, error: `--url ${values.url} is not a web address; write it like http://localhost:3000` };
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      return { success: false, error: `--url must start with http:// or https://, not ${url.protocol}` };
  }
  const whole = (name: string, text: string | undefined, min: number, max: number): number | string | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    return Number.isInteger(n) && n >= min && n <= max
      ? n
      : `--${name} must be a whole number from ${min} to ${max}, not ${text}`;
  };
  const port = whole("port", values.port, 1, 65535);
  const maxPages = whole("max-pages", values["max-pages"], 1, 10000);
  const settle = whole("settle", values.settle, 0, 60000);
  for (const v of [port, maxPages, settle]) if (typeof v === "string") return { success: false, error: v };
  if (values.url !== undefined && port !== undefined)
    return { success: false, error: "--port is for the local site; leave it out with --url" };

  return {
    success: true,
    help: false,
    options: {
      ...(values.url !== undefined ? { url: values.url } : {}),
      ...(values.json !== undefined ? { json: values.json } : {}),
      ...(values.html !== undefined ? { html: values.html } : {}),
      stubVendors: values["stub-vendors"],
      registry: values.registry,
      ...(typeof port === "number" ? { port } : {}),
      maxPages: maxPages as number,
      settle: settle as number,
    },
  };
}
