// Google Consent Mode v2: what gtag is told before anything else, and after the visitor decides.
// Basic mode: gtag.js itself is only loaded once analytics is granted, so these defaults matter for
// the commands queued before it; they make the denial explicit if the tag ever runs.

type ConsentModeValue = "granted" | "denied";

export interface ConsentModeParams {
  ad_storage: ConsentModeValue;
  ad_user_data: ConsentModeValue;
  ad_personalization: ConsentModeValue;
  analytics_storage: ConsentModeValue;
  functionality_storage: ConsentModeValue;
  personalization_storage: ConsentModeValue;
  security_storage: ConsentModeValue;
}

/** How long gtag waits for an update after the default (ms). */
const WAIT_FOR_UPDATE_MS = 500;

export const consentModeDefaults: ConsentModeParams & { wait_for_update: number } = {
  ad_storage: "denied",
  ad_user_data: "denied",
  ad_personalization: "denied",
  analytics_storage: "denied",
  functionality_storage: "denied",
  personalization_storage: "denied",
  security_storage: "granted",
  wait_for_update: WAIT_FOR_UPDATE_MS,
};

/**
 * The update for a decision about Google Analytics. Only analytics_storage ever changes: this site runs
 * no Google advertising, so the ad_* signals stay denied whatever the visitor accepts.
 */
export function consentModeUpdate(analyticsGranted: boolean): Pick<ConsentModeParams, "analytics_storage"> {
  return { analytics_storage: analyticsGranted ? "granted" : "denied" };
}
