// Shared by the benchmark scripts: a free port, a production server we start and stop, Chromium's path.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A free port: the first free one in BENCH_PORTS ("3251-3259") when set, so benchmarks on a shared
 * machine stay inside the ports their user was given; else any free port the system hands out.
 */
export async function freePort() {
  const range = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? "");
  if (range) {
    for (let p = Number(range[1]); p <= Number(range[2]); p++) if (await portIsFree(p)) return p;
    throw new Error(`No free port in BENCH_PORTS=${process.env.BENCH_PORTS}`);
  }
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

export async function waitFor(url, { timeoutMs = 60_000 } = {}) {
  const start = Date.now();
  for (;;) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {}
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const NEXT_BIN = path.resolve(import.meta.dirname, "../../node_modules/next/dist/bin/next");

/**
 * Starts `next start` on a free port (the site must be built). Stop it with the returned stop().
 * `cwd`: another built app (a benchmark's copy or generated app); `ready`: the path answered once it runs;
 * `env`: over this process's environment.
 */
export async function startNext({ cwd = ".", ready = "/en/cookie-policy", env = {} } = {}) {
  if (!existsSync(path.join(cwd, ".next/BUILD_ID")))
    throw new Error(`No production build in ${path.resolve(cwd)}: run \`npm run build\` first.`);
  const port = await freePort();
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}${ready}`);
  return {
    origin,
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"])
    if (existsSync(p)) return p;
  return undefined;
}

export function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
}
