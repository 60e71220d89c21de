// `npm run bench:nonce`: what a nonce-based CSP would cost. A nonce must be new on every response, so
// the page can no longer be prerendered: this builds a copy of the project in which the policy page is
// rendered per request and proxy.ts sends a fresh nonce (which Next puts on its own scripts), then
// measures requests per second against the shipped build (hash-based CSP, prerendered), both with
// autocannon, 50 connections. The shipped build must exist (`npm run build`). The copy is deleted after.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { load } from "./rps.mjs";
import { freePort, machine, startNext, waitFor } from "./support.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const COPY = path.join(ROOT, `.bench-nonce-${process.pid}`);

function edit(file, from, to) {
  const p = path.join(COPY, file);
  const text = readFileSync(p, "utf8");
  if (!text.includes(from)) throw new Error(`${file} no longer contains what bench:nonce changes: ${from}`);
  writeFileSync(p, text.replace(from, to));
}

function makeNonceVariant() {
  mkdirSync(COPY);
  for (const entry of [
    "app",
    "components",
    "lib",
    "content",
    "public",
    "proxy.ts",
    "next.config.mjs",
    "tsconfig.json",
    "postcss.config.mjs",
    "package.json",
  ])
    cpSync(path.join(ROOT, entry), path.join(COPY, entry), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(COPY, "node_modules"));
  edit(
    "app/[locale]/cookie-policy/page.tsx",
    'export const dynamic = "force-static";',
    'export const dynamic = "force-dynamic";',
  );
  edit(
    "app/[locale]/layout.tsx",
    "<script dangerouslySetInnerHTML",
    '<script nonce={(await headers()).get("x-nonce") ?? undefined} dangerouslySetInnerHTML',
  );
  edit(
    "app/[locale]/layout.tsx",
    'import "../globals.css";',
    'import "../globals.css";\nimport { headers } from "next/headers";',
  );
  edit(
    "proxy.ts",
    `  const response = NextResponse.next();
  response.headers.set("Content-Security-Policy", cspFor(pages ? hashesForPath(pages, pathname) : [], vendors));`,
    `  const nonce = btoa(crypto.randomUUID());
  const csp = buildCsp({ scriptHashes: [], vendors, development }).replace("script-src 'self'", \`script-src 'self' 'nonce-\${nonce}' 'strict-dynamic'\`);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);`,
  );
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: COPY,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
}

async function startCopy() {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: COPY, stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/en/cookie-policy`);
  return {
    origin,
    stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once("exit", r), child.kill("SIGTERM")))),
  };
}

/** Requests per second of the shipped page (hashes, prerendered) and of the nonce variant. */
export async function compareNonce({ seconds = 30 } = {}) {
  const measure = async (server, label) => {
    const res = await fetch(`${server.origin}/en/cookie-policy`);
    const html = await res.text();
    const nonced = (html.match(/<script[^>]*\snonce="/g) ?? []).length;
    await load(`${server.origin}/en/cookie-policy`, { duration: 2, connections: 50 });
    const r = await load(`${server.origin}/en/cookie-policy`, { duration: seconds, connections: 50 });
    return {
      label,
      cacheControl: res.headers.get("cache-control"),
      nextCache: res.headers.get("x-nextjs-cache"),
      nonced,
      ...r,
    };
  };
  const results = [];
  const shipped = await startNext();
  try {
    results.push(await measure(shipped, "hashes, prerendered (shipped)"));
  } finally {
    await shipped.stop();
  }
  try {
    makeNonceVariant();
    const variant = await startCopy();
    try {
      results.push(await measure(variant, "nonce, rendered per request"));
    } finally {
      await variant.stop();
    }
  } finally {
    rmSync(COPY, { recursive: true, force: true });
  }
  const [hash, nonce] = results;
  return { hash, nonce, factor: Number((hash.requestsPerSec / Math.max(nonce.requestsPerSec, 1)).toFixed(1)) };
}

export function describeNonce({ hash, nonce, factor }) {
  const line = (r) =>
    `${r.label.padEnd(32)} ${String(r.requestsPerSec).padStart(5)} req/s · p50 ${r.latencyP50Ms} ms · p99 ${r.latencyP99Ms} ms · errors ${r.errors} (timeouts ${r.timeouts}) · ` +
    `scripts with a nonce ${r.nonced} · Cache-Control: ${r.cacheControl}${r.nextCache ? ` · x-nextjs-cache: ${r.nextCache}` : ""}`;
  return `${line(hash)}\n${line(nonce)}\n\nA nonce would cut requests per second by ${factor}x, and the page could no longer be cached by a CDN.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  console.log(
    `bench:nonce — ${new Date().toISOString().slice(0, 10)}\nMachine: ${machine()}\nautocannon, 50 connections, ${seconds} s each\n`,
  );
  console.log(describeNonce(await compareNonce({ seconds })));
}
