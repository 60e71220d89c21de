// The one inline <script> in <head>. It runs before first paint and only sets attributes on <html>, so
// CSS can show the right thing in the very first frame (the consent banner or not; later the theme).
//
// It is built from parts: each part is a plain-JS statement list that sees `d` (document.documentElement)
// and runs in its own try/catch, so one failing part never stops another. The result is a fixed string,
// the same for every request, so a Content-Security-Policy hash can cover it.
//
// Attributes it sets, read by CSS and by the client code:
//   data-consent="undecided" | "decided"   whether a valid consent record answers this revision
//   data-consent-reason="outdated"         the record answers an older consentRevision (policy changed)
//   data-gpc                               the browser sends Global Privacy Control
//   data-theme="light" | "dark"            the remembered theme (lib/preferences/head-script.ts), and a
//                                          <style id="candor-ui-state"> hiding remembered folded parts
//   data-lazy-layout                       while sections out of view wait to be laid out
//                                          (lib/content/lazy-layout.ts)
// It reads data-consent-revision from <html>, which the layout renders from the policy frontmatter.

import { MAX_RECORD_LENGTH, RECORD_KEY, RECORD_SCHEMA } from "./consent/record";
import { lazyLayoutHeadPart } from "./content/lazy-layout";
import { preferencesHeadPart } from "./preferences/head-script";

export type HeadScriptPart = string;

/**
 * Mirrors readRecord() in lib/consent/record.ts closely enough for the first frame; the consent store
 * re-checks with the full decoder after hydration and corrects <html> if it disagrees.
 * Anything odd (storage throwing, bad JSON, wrong shape, expired) leaves "undecided".
 */
export const consentHeadPart: HeadScriptPart = [
  'd.setAttribute("data-consent","undecided");',
  'if(navigator.globalPrivacyControl===true)d.setAttribute("data-gpc","");',
  `var n=+d.getAttribute("data-consent-revision"),w=localStorage.getItem(${JSON.stringify(RECORD_KEY)});`,
  `if(w&&w.length<=${MAX_RECORD_LENGTH}){`,
  "var c=JSON.parse(w),t=Date.now();",
  `if(c&&c.schema===${RECORD_SCHEMA}&&typeof c.id=="string"&&typeof c.policyVersion=="string"&&typeof c.method=="string"`,
  '&&typeof c.gpc=="boolean"&&typeof c.revision=="number"&&c.revision>0&&c.revision<=n&&c.categories&&c.services',
  '&&typeof c.categories=="object"&&typeof c.services=="object"&&Date.parse(c.decidedAt)<=t+6e4&&Date.parse(c.expiresAt)>t)',
  'c.revision===n?d.setAttribute("data-consent","decided"):d.setAttribute("data-consent-reason","outdated")',
  "}",
].join("");

export function buildHeadScript(parts: readonly HeadScriptPart[]): string {
  return `(function(d){${parts.map((p) => `try{${p}}catch(e){}`).join("")}})(document.documentElement)`;
}

/** The script the layout renders. The preferences part reads data-consent, so it comes after. */
export const headScriptParts: readonly HeadScriptPart[] = [consentHeadPart, preferencesHeadPart, lazyLayoutHeadPart];

/** The source of the inline head script, the same string on every request. */
export function headScriptSource(): string {
  return buildHeadScript(headScriptParts);
}
