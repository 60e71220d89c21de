// The tiny page served at "/" and "/cookie-policy". The stored language preference lives in the
// browser, so the server cannot redirect by it: an inline script reads it (with Functional consent)
// and replaces the location with that edition, else with the one Accept-Language picked. Without
// JavaScript a meta refresh goes to the Accept-Language edition, and links to every edition remain.
import {
  CONSENT_ID_PATTERN,
  consentMethods,
  ID_PATTERN,
  ISO_UTC_PATTERN,
  MAX_CHOICES,
  MAX_RECORD_LENGTH,
  MAX_REVISION,
  RECORD_FIELDS,
  RECORD_KEY,
  RECORD_SCHEMA,
  VERSION_PATTERN,
} from "../consent/record";
import { type ChooserConfig, chooseEdition } from "./preference";

export interface ChooserPage {
  config: Omit<ChooserConfig, "fallback">;
  /** The edition Accept-Language picked: the page's own language, and where the script falls back to. */
  fallback: string;
  title: string;
  prompt: string;
  editions: ReadonlyArray<{ locale: string; name: string; href: string; absoluteHref: string }>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** JSON safe inside <script>: no "</script>", no "<!--". */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

/**
 * The inline script. The fallback edition is read from <html lang>, so the script is the same for every
 * visitor and a Content-Security-Policy can allow it by hash.
 */
export function chooserScript(config: Omit<ChooserConfig, "fallback">): string {
  return (
    "(function(){var l=document.documentElement.lang;try{l=(" +
    chooseEdition.toString() +
    ")(Object.assign(" +
    scriptJson(config) +
    ",{fallback:l}),window.localStorage,Date.now())}catch(e){}" +
    'location.replace("/"+l+"/cookie-policy"+location.search+location.hash)})()'
  );
}

export function chooserHtml(page: ChooserPage): string {
  const fallback = page.editions.find((e) => e.locale === page.fallback) ?? page.editions[0];
  const alternates = page.editions
    .map((e) => `<link rel="alternate" hreflang="${escapeHtml(e.locale)}" href="${escapeHtml(e.absoluteHref)}">`)
    .join("");
  const links = page.editions
    .map(
      (e) =>
        `<li><a href="${escapeHtml(e.href)}" hreflang="${escapeHtml(e.locale)}" lang="${escapeHtml(e.locale)}">${escapeHtml(e.name)}</a></li>`,
    )
    .join("");
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(fallback?.locale ?? page.fallback)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    alternates,
    `<script>${chooserScript(page.config)}</script>`,
    fallback ? `<noscript><meta http-equiv="refresh" content="0; url=${escapeHtml(fallback.href)}"></noscript>` : "",
    "<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1c1b19;background:#fbfaf8}",
    "a{color:#0b6b5d}@media (prefers-color-scheme:dark){body{color:#ecebe8;background:#121417}a{color:#5cc9b5}}</style>",
    "</head>",
    `<body><main><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.prompt)}</p><ul>${links}</ul></main></body>`,
    "</html>",
  ].join("");
}

/** What the chooser needs to know to tell a valid consent record, straight from lib/consent/record.ts. */
export function consentRule(revision: number): ChooserConfig["consent"] {
  return {
    key: RECORD_KEY,
    revision,
    schema: RECORD_SCHEMA,
    keys: [...RECORD_FIELDS],
    maxLength: MAX_RECORD_LENGTH,
    maxRevision: MAX_REVISION,
    maxChoices: MAX_CHOICES,
    idPattern: CONSENT_ID_PATTERN.source,
    flagPattern: ID_PATTERN.source,
    isoPattern: ISO_UTC_PATTERN.source,
    versionPattern: VERSION_PATTERN.source,
    methods: [...consentMethods],
  };
}
