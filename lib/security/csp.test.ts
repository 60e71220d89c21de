import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildCsp, REPORTING_ENDPOINTS } from "./csp";
import { inlineScriptHashes, inlineScripts, sha256Source } from "./inline-scripts";
import { hashesForPath, readPageHashes } from "./page-hashes";

const vendors = {
  script: ["www.googletagmanager.com", "analytics.tiktok.com"],
  connect: ["analytics.tiktok.com", "*.google-analytics.com"],
  img: ["*.google-analytics.com"],
};

function directive(csp: string, name: string): string[] {
  const d = csp.split("; ").find((x) => x.startsWith(`${name} `));
  return d ? d.split(" ").slice(1) : [];
}

describe("the CSP", () => {
  it("allows scripts only from self, the page's hashes and the consent-loaded vendors", () => {
    const csp = buildCsp({ scriptHashes: ["sha256-abc=", "sha256-abc="], vendors });
    expect(directive(csp, "script-src")).toEqual([
      "'self'",
      "'sha256-abc='",
      "https://analytics.tiktok.com",
      "https://www.googletagmanager.com",
    ]);
    expect(directive(csp, "script-src")).not.toContain("'unsafe-inline'");
    expect(directive(csp, "script-src")).not.toContain("'unsafe-eval'");
    expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(csp, "object-src")).toEqual(["'none'"]);
    expect(directive(csp, "connect-src")).toContain("https://*.google-analytics.com");
    // beacon hosts may not serve scripts
    expect(directive(csp, "script-src")).not.toContain("https://*.google-analytics.com");
  });

  it("sends reports of what it blocked to our own endpoint", () => {
    const csp = buildCsp({ scriptHashes: [], vendors });
    expect(directive(csp, "report-uri")).toEqual(["/api/csp-report"]);
    expect(directive(csp, "report-to")).toEqual(["csp"]);
    expect(REPORTING_ENDPOINTS).toBe('csp="/api/csp-report"');
  });

  it("relaxes only in development", () => {
    expect(directive(buildCsp({ scriptHashes: [], vendors, development: true }), "script-src")).toContain(
      "'unsafe-eval'",
    );
  });
});

describe("the build's page hashes", () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const build = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "candor-hashes-"));
    made.push(dir);
    mkdirSync(path.join(dir, "en"));
    writeFileSync(path.join(dir, "en", "cookie-policy.html"), "<script>policy()</script>");
    writeFileSync(path.join(dir, "_not-found.html"), "<script>notFound()</script>");
    return dir;
  };

  it("give a page its own hashes, and any other address only the 404 page's", () => {
    const pages = readPageHashes(build());
    expect(hashesForPath(pages, "/en/cookie-policy")).toEqual([sha256Source("policy()")]);
    expect(hashesForPath(pages, "/en/cookie-policy/")).toEqual([sha256Source("policy()")]);
    for (const unknown of ["/api/nothing", "/_next/nothing", "/xx", "/en/cookie-policy/x"])
      expect(hashesForPath(pages, unknown), unknown).toEqual([sha256Source("notFound()")]);
  });

  it("fail loudly when there is no build or no 404 page in it", () => {
    expect(() => readPageHashes(path.join(tmpdir(), "candor-no-such-build"))).toThrow(/Run npm run build first/);
    const dir = build();
    rmSync(path.join(dir, "_not-found.html"));
    expect(() => readPageHashes(dir)).toThrow(/has no \/_not-found.html/);
  });
});

describe("inline script hashes", () => {
  it("hashes inline scripts and skips external ones and data blocks", () => {
    const html = `<script src="/a.js" async></script><script>self.x=1</script><script type="application/ld+json">{}</script><SCRIPT id="y">a()</SCRIPT>`;
    expect(inlineScripts(html)).toEqual(["self.x=1", "a()"]);
    expect(inlineScriptHashes(html)).toEqual([sha256Source("self.x=1"), sha256Source("a()")]);
  });

  it("matches the browser's hash of a known body", () => {
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(sha256Source("alert(1)")).toBe("sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=");
  });
});
