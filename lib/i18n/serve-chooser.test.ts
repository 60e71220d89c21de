import { readFile } from "node:fs/promises";
import { describe, expect, it, vi } from "vitest";
import { inlineScripts, sha256Source } from "../security/inline-scripts";
import { serveChooser } from "./serve-chooser";

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

const get = (acceptLanguage?: string) =>
  serveChooser(
    new Request("http://localhost/", { headers: acceptLanguage ? { "accept-language": acceptLanguage } : {} }),
  );

describe("serveChooser", () => {
  it("answers in the visitor's language, with a CSP that allows exactly its own inline script and style", async () => {
    const res = await get("de-DE,de;q=0.9,en;q=0.5");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="de">/);
    expect(res.headers.get("vary")).toBe("Accept-Language");
    const csp = res.headers.get("content-security-policy") ?? "";
    const [script] = inlineScripts(html);
    expect(csp).toContain(`script-src '${sha256Source(script ?? "")}';`);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    expect(csp).toContain(`style-src '${sha256Source(style)}';`);
    expect(await (await get("fr, en;q=0.8")).text()).toMatch(/<html lang="en">/);
  });

  it("reads content/ once, however many visitors ask", async () => {
    await get("en");
    const reads = vi.mocked(readFile).mock.calls.length;
    for (const lang of ["de", "en", "de-AT", undefined]) await get(lang);
    expect(vi.mocked(readFile).mock.calls.length).toBe(reads);
  });
});
