import { describe, expect, it } from "vitest";
import { buildHeadScript, headScriptParts } from "../head-script";
import { INSTANT_SCROLL_ATTRIBUTE, LAID_OUT_ATTRIBUTE, LAZY_LAYOUT_ATTRIBUTE, lazyLayoutHeadPart } from "./lazy-layout";

/** Runs the part in a stand-in browser: what the page's <html> and sections get, frame by frame. */
function browser(hash = "", navigation = "navigate") {
  const html = new Map<string, string>();
  const listeners = new Map<string, (e: unknown) => void>();
  const sections = [0, 1, 2].map(() => new Map<string, string>());
  let frames: (() => void)[] = [];
  let idle: (() => void)[] = [];
  let timeouts: (() => void)[] = [];
  const attributes = (m: Map<string, string>) => ({
    setAttribute: (k: string, v: string) => m.set(k, v),
    removeAttribute: (k: string) => m.delete(k),
    hasAttribute: (k: string) => m.has(k),
  });
  const document = {
    documentElement: attributes(html),
    addEventListener: (type: string, f: (e: unknown) => void) => listeners.set(`document:${type}`, f),
    querySelectorAll: () => sections.map(attributes),
  };
  const window = { requestIdleCallback: (f: () => void) => idle.push(f) };
  const run = (queue: "frame" | "idle" | "timeout") => {
    const due = queue === "frame" ? frames : queue === "idle" ? idle : timeouts;
    if (queue === "frame") frames = [];
    else if (queue === "idle") idle = [];
    else timeouts = [];
    for (const f of due) f();
  };
  const script = buildHeadScript([lazyLayoutHeadPart]);
  const performance = { getEntriesByType: () => [{ type: navigation }] };
  new Function(
    "document",
    "window",
    "location",
    "addEventListener",
    "requestAnimationFrame",
    "setTimeout",
    "performance",
    script,
  )(
    document,
    window,
    { hash },
    (type: string, f: (e: unknown) => void) => listeners.set(type, f),
    (f: () => void) => frames.push(f),
    (f: () => void) => timeouts.push(f),
    performance,
  );
  return {
    lazy: () => html.has(LAZY_LAYOUT_ATTRIBUTE),
    instant: () => html.has(INSTANT_SCROLL_ATTRIBUTE),
    laidOut: () => sections.filter((s) => s.has(LAID_OUT_ATTRIBUTE)).length,
    fire: (type: string, e?: unknown) => listeners.get(type)?.(e),
    run,
  };
}

describe("the lazy-layout head script", () => {
  it("holds back the sections while the page loads, then lays them out one per frame, then lets go", () => {
    const b = browser();
    expect(b.lazy()).toBe(true);
    b.fire("load");
    for (let n = 1; n <= 3; n++) {
      b.run("idle");
      expect(b.laidOut()).toBe(n);
      b.run("idle"); // nothing more until the frame that lays this one out
      expect(b.laidOut()).toBe(n);
      b.run("frame");
    }
    expect(b.lazy()).toBe(true);
    b.run("idle");
    expect(b.lazy()).toBe(false);
  });

  it("starts two seconds after the HTML is in when the load event is held up, and only once", () => {
    const b = browser();
    b.fire("DOMContentLoaded");
    b.run("idle");
    expect(b.laidOut()).toBe(0);
    b.run("timeout");
    b.fire("load");
    b.run("idle");
    expect(b.laidOut()).toBe(1);
    b.run("frame");
    b.run("idle");
    expect(b.laidOut()).toBe(2);
  });

  it("holds nothing back on a page opened at an anchor, and jumps there without smooth scrolling until loaded", () => {
    const b = browser("#changes");
    expect(b.lazy()).toBe(false);
    expect(b.instant()).toBe(true);
    b.fire("load");
    b.run("timeout");
    expect(b.instant()).toBe(false);
    expect(browser().instant()).toBe(false);
  });

  it("holds nothing back on a reload or a step back or forward, which restore a scroll position", () => {
    expect(browser("", "reload").lazy()).toBe(false);
    expect(browser("", "back_forward").lazy()).toBe(false);
    expect(browser("", "reload").instant()).toBe(false);
  });

  it("lets go at once for a link to an anchor, a change of anchor, or printing", () => {
    const link = { target: { closest: (s: string) => (s.includes('href^="#"') ? {} : null) } };
    const other = { target: { closest: () => null } };
    const clicked = browser();
    clicked.fire("document:click", other);
    expect(clicked.lazy()).toBe(true);
    clicked.fire("document:click", link);
    expect(clicked.lazy()).toBe(false);
    for (const type of ["hashchange", "beforeprint"]) {
      const b = browser();
      b.fire(type);
      expect(b.lazy()).toBe(false);
    }
  });

  it("is part of the page's one head script", () => {
    expect(headScriptParts).toContain(lazyLayoutHeadPart);
  });
});
