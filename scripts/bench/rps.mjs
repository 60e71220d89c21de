// Requests per second: `next start` serving the policy page, beside nginx serving the same prerendered HTML.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { freePort, startNext, waitFor } from "./support.mjs";

export function load(url, { connections = 50, duration = 10, method = "GET", headers, body, timeout = 10 } = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, method, headers, body, timeout }, (err, r) => {
      if (err) return reject(err);
      resolve({
        requestsPerSec: Math.round(r.requests.average),
        latencyP50Ms: r.latency.p50,
        latencyP99Ms: r.latency.p99,
        latencyMaxMs: r.latency.max,
        total: r.requests.total,
        // autocannon's errors already count its timeouts (a request unanswered after `timeout` seconds)
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
        statusCounts: r.statusCodeStats,
      });
    });
  });
}

function nginxBinary() {
  for (const p of ["/usr/sbin/nginx", "/usr/bin/nginx"]) if (existsSync(p)) return p;
  return null;
}

/** Starts nginx on loopback serving .next's prerendered HTML for the policy and its static assets. */
export async function startNginx() {
  const bin = nginxBinary();
  if (!bin) return null;
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "candor-nginx-"));
  const root = path.resolve(".next/server/app");
  const statics = path.resolve(".next/static");
  const conf = `
worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  sendfile on;
  gzip off;
  types { text/html html; text/css css; application/javascript js; }
  server {
    listen 127.0.0.1:${port};
    location = /en/cookie-policy { default_type text/html; alias ${root}/en/cookie-policy.html; }
    location /_next/static/ { alias ${statics}/; }
  }
}`;
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child = spawn(bin, ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: ["ignore", "ignore", "inherit"] });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/en/cookie-policy`, { timeoutMs: 10_000 });
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGQUIT");
      }),
  };
}

export async function runRps({ duration = 10, connections = 50 } = {}) {
  const next = await startNext();
  let nextResult;
  try {
    await load(`${next.origin}/en/cookie-policy`, { duration: 2, connections }); // warm-up
    nextResult = await load(`${next.origin}/en/cookie-policy`, { duration, connections });
  } finally {
    await next.stop();
  }
  const nginx = await startNginx();
  let nginxResult = null;
  if (nginx) {
    try {
      await load(`${nginx.origin}/en/cookie-policy`, { duration: 2, connections });
      nginxResult = await load(`${nginx.origin}/en/cookie-policy`, { duration, connections });
    } finally {
      await nginx.stop();
    }
  }
  const bytes = readFileSync(".next/server/app/en/cookie-policy.html").length;
  return {
    htmlBytes: bytes,
    next: nextResult,
    nginx: nginxResult,
    ratio: nginxResult ? Number((nextResult.requestsPerSec / nginxResult.requestsPerSec).toFixed(3)) : null,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!nginxBinary())
    console.warn("nginx is not installed (Debian: apt-get install nginx); measuring next start alone.");
  console.log(JSON.stringify(await runRps({ duration: Number(process.env.BENCH_SECONDS ?? 10) }), null, 2));
  void spawnSync;
}
