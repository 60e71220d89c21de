// TikTok Pixel: the standard `ttq` command queue (calls wait in it until events.js arrives), held
// until consent; events.js is injected only when the visitor grants the TikTok service.
import { injectScript, type VendorLoader } from "./loader";

const TIKTOK_SCRIPT_ID = "candor-tiktok";
export const TIKTOK_SCRIPT_URL = "https://analytics.tiktok.com/i18n/pixel/events.js";

// the methods this site (and code on its pages) may call before events.js arrives
const METHODS = ["page", "track", "identify", "holdConsent", "revokeConsent", "grantConsent"] as const;

type Queue = unknown[] &
  Record<string, unknown> & {
    _i: Record<string, unknown[] & { _u?: string }>;
    _t: Record<string, number>;
    _o: Record<string, unknown>;
  };
type TtqWindow = Window & { TiktokAnalyticsObject?: string; ttq?: Queue };

function createQueue(): Queue {
  const q = [] as unknown as Queue;
  for (const m of METHODS) q[m] = (...args: unknown[]) => void q.push([m, ...args]);
  q._i = {};
  q._t = {};
  q._o = {};
  return q;
}

export function createTiktokLoader(pixelId: string, win: TtqWindow = window): VendorLoader {
  let injected = false;
  let ready = false;
  // events.js replaces the queue's methods when it arrives, so look them up on every call
  const call = (method: string, ...args: unknown[]) => {
    const fn = win.ttq?.[method];
    if (typeof fn === "function") fn.apply(win.ttq, args);
  };
  return {
    service: "tiktok",
    get injected() {
      return injected;
    },
    init() {
      if (ready) return;
      ready = true;
      win.TiktokAnalyticsObject = "ttq";
      win.ttq ??= createQueue();
      call("holdConsent");
    },
    grant() {
      call("grantConsent");
      if (injected) return;
      const ttq = win.ttq!;
      ttq._i[pixelId] = Object.assign([], { _u: TIKTOK_SCRIPT_URL });
      ttq._t[pixelId] = Date.now();
      ttq._o[pixelId] = {};
      injected = true;
      injectScript(win.document, TIKTOK_SCRIPT_ID, `${TIKTOK_SCRIPT_URL}?sdkid=${encodeURIComponent(pixelId)}&lib=ttq`);
      call("page");
    },
    revoke() {
      call("revokeConsent");
    },
  };
}
