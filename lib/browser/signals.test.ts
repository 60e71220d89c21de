import { describe, expect, it } from "vitest";
import { blockedStorageHost, MemoryStorage } from "../testing/memory-storage";
import { readSignals } from "./signals";

describe("privacy signals", () => {
  it("reads GPC, DNT, cookies and storage as the browser reports them", () => {
    const host = {
      navigator: { cookieEnabled: true, globalPrivacyControl: true, doNotTrack: "1" },
      localStorage: new MemoryStorage(),
      sessionStorage: new MemoryStorage(),
    };
    expect(readSignals(host)).toEqual({
      cookies: true,
      localStorage: true,
      sessionStorage: true,
      gpc: true,
      dnt: true,
    });
    expect(host.localStorage.length).toBe(0); // the probe leaves nothing behind
  });

  it("tells 'off' from 'not supported'", () => {
    expect(readSignals({ navigator: { cookieEnabled: false, doNotTrack: null } })).toMatchObject({
      cookies: false,
      gpc: null,
      dnt: false,
    });
  });

  it("reports blocked storage as unavailable", () => {
    expect(readSignals(Object.create(blockedStorageHost, { navigator: { value: {} } }))).toMatchObject({
      localStorage: false,
      sessionStorage: false,
    });
  });
});
