import { describe, expect, it, vi } from "vitest";
import { CookieJar, MemoryStorage } from "../testing/cookie-jar";
import { testRegistry } from "../testing/registry";
import { decodeRecord, RECORD_KEY } from "./record";
import { type ConsentStoreOptions, createConsentStore } from "./store";

const registry = testRegistry();
const NOW = Date.parse("2026-12-01T12:00:00.000Z");

function setup(over: Partial<ConsentStoreOptions> & { local?: Storage; session?: Storage; jar?: CookieJar } = {}) {
  const local = over.local ?? new MemoryStorage();
  const session = over.session ?? new MemoryStorage();
  const jar = over.jar ?? new CookieJar("www.candor.test", "/en/cookie-policy");
  const options: ConsentStoreOptions = {
    registry,
    revision: 1,
    policyVersion: "1.0",
    now: () => NOW,
    env: {
      host: { localStorage: local, sessionStorage: session },
      doc: jar,
      location: { hostname: jar.hostname, pathname: jar.pathname, protocol: "http:" },
    },
    ...over,
  };
  return { store: createConsentStore(options), local, session, jar, options };
}

const blocked = {
  get localStorage(): Storage {
    throw new DOMException("The operation is insecure.", "SecurityError");
  },
};

describe("the consent store", () => {
  it("starts undecided with only the required categories granted", () => {
    const { store } = setup();
    const s = store.getState();
    expect(s.status).toBe("undecided");
    expect(s.undecidedReason).toBe("none");
    expect(s.categories).toEqual({
      necessary: true,
      analytics: false,
      advertising: false,
      functional: false,
      security: true,
    });
    expect(store.isCategoryGranted("necessary")).toBe(true);
    expect(store.isCategoryGranted("analytics")).toBe(false);
    expect(store.isServiceGranted("ga4")).toBe(false);
  });

  it("stores a complete, valid record on accept all", () => {
    const { store, local } = setup({ randomId: () => "0f8fad5b-d9cb-469f-a165-70867728950e" });
    store.acceptAll("banner-accept-all");
    const raw = local.getItem(RECORD_KEY)!;
    const record = decodeRecord(JSON.parse(raw));
    expect(record).toEqual({
      schema: 1,
      id: "0f8fad5b-d9cb-469f-a165-70867728950e",
      decidedAt: "2026-12-01T12:00:00.000Z",
      expiresAt: "2027-06-01T12:00:00.000Z",
      revision: 1,
      policyVersion: "1.0",
      categories: { necessary: true, analytics: true, advertising: true, functional: true, security: true },
      services: { ga4: true, tiktok: true },
      gpc: false,
      method: "banner-accept-all",
    });
    expect(store.getState()).toMatchObject({ status: "decided", persisted: true });
    expect(store.isServiceGranted("tiktok")).toBe(true);
  });

  it("reads the stored decision back in a new page view", () => {
    const first = setup();
    first.store.setService("ga4", true, "inline");
    const again = setup({ local: first.local });
    expect(again.store.getState().status).toBe("decided");
    expect(again.store.isServiceGranted("ga4")).toBe(true);
    expect(again.store.isServiceGranted("tiktok")).toBe(false);
    expect(again.store.getState().record?.method).toBe("inline");
  });

  it("asks again after the record expires (lifetime is configurable)", () => {
    const { local } = (() => {
      const s = setup({ lifetime: { amount: 30, unit: "day" } });
      s.store.acceptAll("dialog");
      return s;
    })();
    const later = setup({ local, now: () => NOW + 31 * 86_400_000 });
    expect(later.store.getState()).toMatchObject({ status: "undecided", undecidedReason: "expired" });
    expect(later.store.isServiceGranted("ga4")).toBe(false);
  });

  it("asks again, saying why, when the consentRevision was raised", () => {
    const first = setup();
    first.store.acceptAll("banner-accept-all");
    const next = setup({ local: first.local, revision: 2 });
    expect(next.store.getState()).toMatchObject({ status: "undecided", undecidedReason: "outdated" });
  });

  it("grants nothing from a tampered record", () => {
    const local = new MemoryStorage();
    local.setItem(RECORD_KEY, '{"schema":1,"categories":{"analytics":true},"services":{"ga4":true}}');
    const { store } = setup({ local });
    expect(store.getState()).toMatchObject({ status: "undecided", undecidedReason: "invalid" });
    expect(store.isServiceGranted("ga4")).toBe(false);
  });

  it("works for the page view when storage throws, and says the choice is not stored", () => {
    const { store } = setup({
      env: { host: blocked, doc: new CookieJar("localhost"), location: { hostname: "localhost", pathname: "/" } },
    });
    expect(store.getState()).toMatchObject({ status: "undecided", undecidedReason: "unreadable" });
    store.acceptAll("banner-accept-all");
    expect(store.getState()).toMatchObject({ status: "decided", persisted: false });
    expect(store.isServiceGranted("ga4")).toBe(true);
  });

  it("never grants anything through a failed save when storage is full", () => {
    const local = new MemoryStorage(10);
    const { store } = setup({ local });
    store.rejectAll("banner-reject-all");
    expect(store.getState()).toMatchObject({ status: "decided", persisted: false });
    expect(store.isServiceGranted("ga4")).toBe(false);
    expect(local.getItem(RECORD_KEY)).toBeNull();
  });

  it("removes an earlier record when a later choice cannot be stored, so no page view reads back consent the visitor withdrew", () => {
    const { store, local, options } = setup();
    store.acceptAll("banner-accept-all");
    expect(local.getItem(RECORD_KEY)).not.toBeNull();
    // the disk fills up: every write now fails
    vi.spyOn(local, "setItem").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    store.withdrawAll();
    expect(store.getState()).toMatchObject({ status: "decided", persisted: false });
    expect(local.getItem(RECORD_KEY)).toBeNull();
    const next = createConsentStore(options);
    expect(next.getState()).toMatchObject({ status: "undecided", undecidedReason: "none" });
    expect(next.isServiceGranted("ga4")).toBe(false);
    expect(next.isCategoryGranted("analytics")).toBe(false);
  });

  it("tells every subscriber of a change even when one throws, then passes the failure on", () => {
    const { store } = setup();
    const before = vi.fn();
    const after = vi.fn();
    store.subscribe(before);
    store.subscribe(() => {
      throw new Error("vendor broke");
    });
    store.subscribe(after);
    expect(() => store.acceptAll("banner-accept-all")).toThrow("vendor broke");
    expect(store.getState().status).toBe("decided");
    expect(before).toHaveBeenCalledTimes(1);
    expect(after).toHaveBeenCalledTimes(1);
    // and the next change is heard by all of them again
    expect(() => store.rejectAll("banner-reject-all")).toThrow("vendor broke");
    expect(after).toHaveBeenCalledTimes(2);
    expect(store.isServiceGranted("ga4")).toBe(false);
  });

  it("tells subscribers of each change, and stops when unsubscribed", () => {
    const { store } = setup();
    const seen = vi.fn();
    const off = store.subscribe(seen);
    store.setCategory("functional", true, "inline");
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]![0].categories.functional).toBe(true);
    off();
    store.setCategory("functional", false, "inline");
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it("keeps state objects stable between changes (for useSyncExternalStore)", () => {
    const { store } = setup();
    expect(store.getState()).toBe(store.getState());
    store.refresh();
    expect(store.getState()).toBe(store.getState());
  });

  describe("withdrawal", () => {
    function withVendorData(jar: CookieJar, session: Storage, local: Storage) {
      jar.cookie = "_ga=GA1.2.1.1; Path=/; Domain=candor.test";
      jar.cookie = "_ga_TEST123=GS2.1; Path=/; Domain=candor.test";
      jar.cookie = "_ga=GA1.3.1.1; Path=/";
      jar.cookie = "_ttp=abc; Path=/; Domain=candor.test";
      jar.cookie = "ttcsid_CTEST123=1; Path=/en; Domain=www.candor.test";
      jar.cookie = "unrelated=1; Path=/";
      session.setItem("tt_sessionId", "x");
      session.setItem("tt_pixel_session_index", "{}");
      local.setItem("ttclid", "click");
      local.setItem("candor:theme", "dark");
    }

    it("deletes the category's cookies in every variant and its storage keys", () => {
      const { store, jar, session, local } = setup();
      store.acceptAll("banner-accept-all");
      withVendorData(jar, session, local);
      store.setCategory("advertising", false, "inline");
      expect(
        jar
          .all()
          .map((c) => c.name)
          .sort(),
      ).toEqual(["_ga", "_ga", "_ga_TEST123", "unrelated"]);
      store.setCategory("analytics", false, "inline");
      expect(jar.all().map((c) => c.name)).toEqual(["unrelated"]);
      expect(session.length).toBe(0);
      expect(local.getItem("ttclid")).toBeNull();
      expect(local.getItem("candor:theme")).toBe("dark");
      expect(local.getItem(RECORD_KEY)).not.toBeNull();
    });

    it("deletes only the withdrawn service's items", () => {
      const { store, jar, session, local } = setup();
      store.acceptAll("banner-accept-all");
      withVendorData(jar, session, local);
      store.setService("tiktok", false, "inline");
      expect(
        jar
          .all()
          .map((c) => c.name)
          .sort(),
      ).toEqual(["_ga", "_ga", "_ga_TEST123", "unrelated"]);
      expect(session.length).toBe(0);
    });

    it("leaves no GA or TikTok cookie or key behind after reject all following accept all", () => {
      const { store, jar, session, local } = setup();
      store.acceptAll("banner-accept-all");
      withVendorData(jar, session, local);
      store.rejectAll("dialog");
      expect(jar.all().map((c) => c.name)).toEqual(["unrelated"]);
      expect(local.getItem("candor:theme")).toBeNull();
      expect(store.getState().categories).toEqual({
        necessary: true,
        analytics: false,
        advertising: false,
        functional: false,
        security: true,
      });
    });

    it("withdraw all records a refusal", () => {
      const { store } = setup();
      store.acceptAll("banner-accept-all");
      store.withdrawAll();
      expect(store.getState().record?.method).toBe("withdraw");
      expect(store.isServiceGranted("ga4")).toBe(false);
    });

    it("sweeps what a decision refuses when the page starts, but nothing while undecided", () => {
      const undecided = setup();
      withVendorData(undecided.jar, undecided.session, undecided.local);
      expect(undecided.store.sweep()).toEqual([]);
      const decided = setup({ jar: undecided.jar, session: undecided.session });
      decided.store.setService("ga4", true, "inline");
      decided.store.sweep();
      expect(
        decided.jar
          .all()
          .map((c) => c.name)
          .sort(),
      ).toEqual(["_ga", "_ga", "_ga_TEST123", "unrelated"]);
    });
  });

  describe("refresh (another tab, or the record deleted)", () => {
    it("takes over a decision made in another tab", () => {
      const a = setup();
      const b = setup({ local: a.local, jar: a.jar, session: a.session });
      a.store.acceptAll("banner-accept-all");
      expect(b.store.getState().status).toBe("undecided");
      b.store.refresh();
      expect(b.store.isServiceGranted("tiktok")).toBe(true);
    });

    it("goes back to undecided and cleans up when the record is deleted", () => {
      const { store, local, jar, session } = setup();
      store.acceptAll("banner-accept-all");
      jar.cookie = "_ga=1; Path=/";
      local.removeItem(RECORD_KEY);
      store.refresh();
      expect(store.getState().status).toBe("undecided");
      expect(jar.all()).toEqual([]);
      expect(session.length).toBe(0);
    });

    it("keeps a choice that could not be stored", () => {
      const local = new MemoryStorage(10);
      const { store } = setup({ local });
      store.acceptAll("banner-accept-all");
      store.refresh();
      expect(store.getState()).toMatchObject({ status: "decided", persisted: false });
    });
  });

  describe("Global Privacy Control", () => {
    it("keeps TikTok off on accept all and notes GPC in the record", () => {
      const { store, local } = setup({ gpc: true });
      store.acceptAll("banner-accept-all");
      expect(store.isServiceGranted("ga4")).toBe(true);
      expect(store.isServiceGranted("tiktok")).toBe(false);
      expect(JSON.parse(local.getItem(RECORD_KEY)!).gpc).toBe(true);
    });

    it("turns TikTok on only by the visitor's own switch: its own, or Advertising's", () => {
      const { store } = setup({ gpc: true });
      store.setCategory("analytics", true, "inline");
      expect(store.isServiceGranted("tiktok")).toBe(false);
      store.setCategory("advertising", true, "inline");
      expect(store.isServiceGranted("tiktok")).toBe(true);
      store.setService("tiktok", false, "inline");
      expect(store.isServiceGranted("tiktok")).toBe(false);
      store.setService("tiktok", true, "inline");
      expect(store.isServiceGranted("tiktok")).toBe(true);
      store.acceptAll("dialog");
      expect(store.isServiceGranted("tiktok")).toBe(true);
    });

    it("does not let consent given without GPC outlast a GPC signal", () => {
      const before = setup();
      before.store.acceptAll("banner-accept-all");
      const after = setup({ local: before.local, gpc: true });
      expect(after.store.getState().status).toBe("decided");
      expect(after.store.isServiceGranted("ga4")).toBe(true);
      expect(after.store.isServiceGranted("tiktok")).toBe(false);
    });
  });
});
