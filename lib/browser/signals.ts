// What the browser reports about privacy: cookies and storage enabled, Global Privacy Control, Do Not Track.
import { type StorageArea, storageAvailable } from "../storage/safe";

export interface PrivacySignals {
  cookies: boolean;
  localStorage: boolean;
  sessionStorage: boolean;
  /** navigator.globalPrivacyControl; null where the browser has no such property. */
  gpc: boolean | null;
  /** Do Not Track: true for "1", false for "0" or unset, null where the browser does not expose it. */
  dnt: boolean | null;
}

export interface SignalHost {
  navigator?: { cookieEnabled?: boolean; globalPrivacyControl?: boolean; doNotTrack?: string | null };
  localStorage?: Storage;
  sessionStorage?: Storage;
}

export function readSignals(host: SignalHost): PrivacySignals {
  const nav = host.navigator ?? {};
  const area = (name: StorageArea) => storageAvailable(name, host as Partial<Record<StorageArea, Storage>>);
  return {
    cookies: nav.cookieEnabled === true,
    localStorage: area("localStorage"),
    sessionStorage: area("sessionStorage"),
    gpc: "globalPrivacyControl" in nav ? nav.globalPrivacyControl === true : null,
    dnt: "doNotTrack" in nav ? nav.doNotTrack === "1" : null,
  };
}
