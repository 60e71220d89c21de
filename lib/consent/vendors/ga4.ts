// Google Analytics 4 with Consent Mode v2 (basic mode): the dataLayer queue and the denied consent
// default come first (this code loads at the first grant, on-demand.ts), then the update; gtag.js is
// injected only when analytics is granted.
import { consentModeDefaults, consentModeUpdate } from "../consent-mode";
import { injectScript, type VendorLoader } from "./loader";

export const GA4_SCRIPT_ID = "candor-ga4";
export const GA4_SCRIPT_URL = "https://www.googletagmanager.com/gtag/js";

type GtagWindow = Window & { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void };

export function createGa4Loader(measurementId: string, win: GtagWindow = window): VendorLoader {
  let injected = false;
  let ready = false;
  // gtag.js acts on `arguments` objects only (what the official snippet pushes), not on arrays
  const command = function (..._args: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    (win.dataLayer ??= []).push(arguments);
  };
  return {
    service: "ga4",
    get injected() {
      return injected;
    },
    init() {
      if (ready) return;
      ready = true;
      win.dataLayer ??= [];
      win.gtag ??= command;
      command("consent", "default", consentModeDefaults);
    },
    grant() {
      command("consent", "update", consentModeUpdate(true));
      if (injected) return;
      command("js", new Date());
      command("config", measurementId);
      injected = true;
      injectScript(win.document, GA4_SCRIPT_ID, `${GA4_SCRIPT_URL}?id=${encodeURIComponent(measurementId)}`);
    },
    revoke() {
      command("consent", "update", consentModeUpdate(false));
    },
  };
}
