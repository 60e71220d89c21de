import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildNeeded, freePort } from "./site";

describe("buildNeeded", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const project = () => {
    const root = mkdtempSync(path.join(tmpdir(), "candor-scan-"));
    dirs.push(root);
    mkdirSync(path.join(root, "content", "en"), { recursive: true });
    writeFileSync(path.join(root, "content", "en", "cookie-policy.mdx"), "text");
    return root;
  };
  const age = (file: string, secondsAgo: number) => {
    const t = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(file, t, t);
  };

  it("builds when there is no build yet", () => {
    expect(buildNeeded(project())).toBe("there is no production build yet");
  });

  it("builds when a source changed after the last build, and not otherwise", () => {
    const root = project();
    mkdirSync(path.join(root, ".next"));
    const buildId = path.join(root, ".next", "BUILD_ID");
    writeFileSync(buildId, "x");
    age(path.join(root, "content", "en", "cookie-policy.mdx"), 60);
    age(path.join(root, "content", "en"), 60);
    age(path.join(root, "content"), 60);
    expect(buildNeeded(root)).toBeNull();
    age(buildId, 120);
    expect(buildNeeded(root)).toBe("content changed since the last build");
  });
});

describe("freePort", () => {
  it("finds a port that can be listened on", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
    await new Promise((resolve) => server.close(resolve));
  });
});
