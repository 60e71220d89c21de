import { describe, expect, it, vi } from "vitest";
import { memoryConsentStore as store } from "../../testing/consent-store";
import { connectVendorsOnDemand } from "./on-demand";

/** A load() whose promise the test settles by hand. */
function deferredLoad() {
  const unbind = vi.fn();
  const pending: Array<{ resolve: (u: () => void) => void; reject: (e: unknown) => void }> = [];
  const load = vi.fn(() => new Promise<() => void>((resolve, reject) => pending.push({ resolve, reject })));
  return { load, unbind, pending };
}

describe("loading the vendors' code on demand", () => {
  it("loads nothing while no vendor service is granted, whatever else is decided", () => {
    const s = store();
    const { load } = deferredLoad();
    connectVendorsOnDemand(s, { services: ["ga4", "tiktok"], load }, vi.fn());
    s.rejectAll("banner-reject-all");
    s.setCategory("functional", true, "inline");
    expect(load).not.toHaveBeenCalled();
  });

  it("loads once, at the first grant, and binds what it loaded", async () => {
    const s = store();
    const { load, unbind, pending } = deferredLoad();
    const disconnect = connectVendorsOnDemand(s, { services: ["ga4", "tiktok"], load }, vi.fn());
    s.setService("ga4", true, "inline");
    s.acceptAll("banner-accept-all");
    expect(load).toHaveBeenCalledTimes(1);
    pending[0]!.resolve(unbind);
    await Promise.resolve();
    s.withdrawAll();
    expect(load).toHaveBeenCalledTimes(1);
    expect(unbind).not.toHaveBeenCalled();
    disconnect();
    expect(unbind).toHaveBeenCalledTimes(1);
  });

  it("loads at once when the stored choice already grants a vendor (a returning visitor)", () => {
    const s = store();
    s.acceptAll("banner-accept-all");
    const { load } = deferredLoad();
    connectVendorsOnDemand(s, { services: ["tiktok"], load }, vi.fn());
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("ignores services without a loader in this deployment", () => {
    const s = store();
    const { load } = deferredLoad();
    connectVendorsOnDemand(s, { services: ["tiktok"], load }, vi.fn());
    s.setService("ga4", true, "inline");
    expect(load).not.toHaveBeenCalled();
  });

  it("reports a failed load and tries again at the next change of choice", async () => {
    const s = store();
    const { load, pending } = deferredLoad();
    const onError = vi.fn();
    connectVendorsOnDemand(s, { services: ["ga4"], load }, onError);
    s.setService("ga4", true, "inline");
    pending[0]!.reject(new Error("chunk failed"));
    await new Promise((r) => setTimeout(r));
    expect(onError).toHaveBeenCalledWith(new Error("chunk failed"));
    s.setCategory("functional", true, "inline");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("unbinds what arrives after the page has disconnected", async () => {
    const s = store();
    const { load, unbind, pending } = deferredLoad();
    const disconnect = connectVendorsOnDemand(s, { services: ["ga4"], load }, vi.fn());
    s.setService("ga4", true, "inline");
    disconnect();
    pending[0]!.resolve(unbind);
    await Promise.resolve();
    expect(unbind).toHaveBeenCalledTimes(1);
  });
});
