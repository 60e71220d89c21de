import { describe, expect, it, vi } from "vitest";
import { memoryConsentStore } from "../../testing/consent-store";
import { testRegistry } from "../../testing/registry";
import { consentModeDefaults, consentModeUpdate } from "../consent-mode";
import { connectVendors } from "./connect";
import { loadersFor } from "./for-registry";
import { createGa4Loader, GA4_SCRIPT_ID } from "./ga4";
import type { VendorLoader } from "./loader";
import { createTiktokLoader } from "./tiktok";

/** Just enough of window/document for a loader: a head that records the scripts appended. */
function fakeWindow() {
  const scripts: Array<{ id: string; src: string; async: boolean }> = [];
  const document = {
    head: { appendChild: (s: { id: string; src: string; async: boolean }) => void scripts.push(s) },
    createElement: () => ({ id: "", src: "", async: false }),
    getElementById: (id: string) => scripts.find((s) => s.id === id) ?? null,
  };
  return { win: { document } as unknown as Window & Record<string, unknown>, scripts };
}

const commands = (win: Record<string, unknown>) => (win.dataLayer as IArguments[]).map((a) => Array.from(a));

describe("Consent Mode v2", () => {
  it("defaults every storage type to denied except security, and waits for an update", () => {
    expect(consentModeDefaults).toEqual({
      ad_storage: "denied",
      ad_user_data: "denied",
      ad_personalization: "denied",
      analytics_storage: "denied",
      functionality_storage: "denied",
      personalization_storage: "denied",
      security_storage: "granted",
      wait_for_update: 500,
    });
  });

  it("updates only analytics_storage", () => {
    expect(consentModeUpdate(true)).toEqual({ analytics_storage: "granted" });
    expect(consentModeUpdate(false)).toEqual({ analytics_storage: "denied" });
  });
});

describe("the GA4 loader", () => {
  it("queues the consent default first and injects nothing before consent", () => {
    const { win, scripts } = fakeWindow();
    const ga = createGa4Loader("G-TEST123", win);
    ga.init();
    expect(commands(win)).toEqual([["consent", "default", consentModeDefaults]]);
    expect(Object.prototype.toString.call((win.dataLayer as unknown[])[0])).toBe("[object Arguments]");
    expect(scripts).toEqual([]);
  });

  it("on consent: update, js, config, then gtag.js once", () => {
    const { win, scripts } = fakeWindow();
    const ga = createGa4Loader("G-TEST123", win);
    ga.init();
    ga.grant();
    ga.grant();
    const cmds = commands(win);
    expect(cmds.map((c) => c.slice(0, 2))).toEqual([
      ["consent", "default"],
      ["consent", "update"],
      ["js", cmds[2]![1]],
      ["config", "G-TEST123"],
      ["consent", "update"],
    ]);
    expect(scripts).toEqual([
      { id: GA4_SCRIPT_ID, src: "https://www.googletagmanager.com/gtag/js?id=G-TEST123", async: true },
    ]);
    expect(ga.injected).toBe(true);
  });

  it("tells gtag on withdrawal", () => {
    const { win } = fakeWindow();
    const ga = createGa4Loader("G-X", win);
    ga.init();
    ga.revoke();
    expect(commands(win).at(-1)).toEqual(["consent", "update", { analytics_storage: "denied" }]);
  });
});

describe("the TikTok loader", () => {
  it("holds consent in the ttq queue and injects nothing before consent", () => {
    const { win, scripts } = fakeWindow();
    const tt = createTiktokLoader("CTEST123", win);
    tt.init();
    expect(win.TiktokAnalyticsObject).toBe("ttq");
    expect([...(win.ttq as unknown[])]).toEqual([["holdConsent"]]);
    expect(scripts).toEqual([]);
  });

  it("on consent: grants, injects events.js once, and counts the page", () => {
    const { win, scripts } = fakeWindow();
    const tt = createTiktokLoader("CTEST123", win);
    tt.init();
    tt.grant();
    tt.revoke();
    expect([...(win.ttq as unknown[])]).toEqual([["holdConsent"], ["grantConsent"], ["page"], ["revokeConsent"]]);
    expect(scripts.map((s) => s.src)).toEqual([
      "https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=CTEST123&lib=ttq",
    ]);
  });
});

describe("loaders for this deployment", () => {
  it("runs a loader only for services with an account id", () => {
    const { win } = fakeWindow();
    expect(loadersFor(testRegistry(), win).map((l) => l.service)).toEqual(["ga4", "tiktok"]);
    expect(loadersFor(testRegistry({ NEXT_PUBLIC_GA_MEASUREMENT_ID: "G-1" }), win).map((l) => l.service)).toEqual([
      "ga4",
    ]);
    expect(loadersFor(testRegistry({}), win)).toEqual([]);
  });
});

describe("connecting vendors to the store", () => {
  function fakeLoader(service: string): VendorLoader & { calls: string[] } {
    let injected = false;
    const calls: string[] = [];
    return {
      service,
      calls,
      get injected() {
        return injected;
      },
      init: () => void calls.push("init"),
      grant: () => {
        calls.push("grant");
        injected = true;
      },
      revoke: () => void calls.push("revoke"),
    };
  }
  const store = memoryConsentStore;

  it("grants only what is granted, and reloads when a vendor that ran is withdrawn", () => {
    const s = store();
    const ga = fakeLoader("ga4");
    const tt = fakeLoader("tiktok");
    const reload = vi.fn();
    connectVendors(s, [ga, tt], reload);
    expect(ga.calls).toEqual(["init"]);
    s.setService("ga4", true, "inline");
    expect(ga.calls).toEqual(["init", "grant"]);
    expect(tt.calls).toEqual(["init"]);
    s.setService("ga4", false, "inline");
    expect(ga.calls).toEqual(["init", "grant", "revoke"]);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("tells every vendor and still reloads when one vendor's code throws on withdrawal, then passes the failure on", () => {
    const s = store();
    const ga = fakeLoader("ga4");
    const tt = fakeLoader("tiktok");
    const reload = vi.fn();
    const broken: VendorLoader = {
      service: "ga4",
      get injected() {
        return ga.injected;
      },
      init: ga.init,
      grant: ga.grant,
      revoke: () => {
        ga.revoke();
        throw new TypeError("dataLayer.push is broken");
      },
    };
    connectVendors(s, [broken, tt], reload);
    s.acceptAll("banner-accept-all");
    expect(() => s.withdrawAll()).toThrow("dataLayer.push is broken");
    expect(ga.calls).toEqual(["init", "grant", "revoke"]);
    expect(tt.calls).toEqual(["init", "grant", "revoke"]);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(s.isServiceGranted("tiktok")).toBe(false);
  });

  it("grants the other vendors when one throws on grant", () => {
    const s = store();
    const tt = fakeLoader("tiktok");
    const broken: VendorLoader = {
      service: "ga4",
      injected: false,
      init: () => {},
      grant: () => {
        throw new Error("gtag broke");
      },
      revoke: () => {},
    };
    connectVendors(s, [broken, tt], vi.fn());
    expect(() => s.acceptAll("banner-accept-all")).toThrow("gtag broke");
    expect(tt.calls).toEqual(["init", "grant"]);
  });

  it("tells a vendor that never ran without reloading", () => {
    const s = store();
    const tt = fakeLoader("tiktok");
    const reload = vi.fn();
    s.acceptAll("banner-accept-all");
    const ttNotRun: VendorLoader = {
      ...tt,
      service: "tiktok",
      injected: false,
      grant: () => {},
      revoke: tt.revoke,
      init: tt.init,
    };
    connectVendors(s, [ttNotRun], reload);
    s.rejectAll("banner-reject-all");
    expect(tt.calls).toEqual(["init", "revoke"]);
    expect(reload).not.toHaveBeenCalled();
  });
});
