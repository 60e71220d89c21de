// Serves the language chooser (lib/i18n/chooser.ts) for "/" and "/cookie-policy". Server only.
import "server-only";
import { loadPolicy, loadRegistry } from "../content/load";
import { maxLifetimeSeconds, parseDuration } from "../registry/duration";
import { findItem } from "../registry/match";
import { sha256Source } from "../security/inline-scripts";
import { policyHref } from "../site/routes";
import { siteUrl } from "../site/url";
import { chooserHtml, chooserScript, consentRule } from "./chooser";
import { defaultLocale, type Locale, locales } from "./locales";
import { negotiateLocale } from "./negotiate";
import { LOCALE_PREFERENCE_KEY } from "./preference";
import { getStrings } from "./strings";

const sha256 = (text: string) => `'${sha256Source(text)}'`;

interface ChooserResponse {
  html: string;
  headers: Record<string, string>;
}

/** The chooser in every language, from content/ (the registry and the default edition's frontmatter). */
async function buildChooserPages(): Promise<ReadonlyMap<Locale, ChooserResponse>> {
  const [registry, policy] = await Promise.all([loadRegistry(), loadPolicy(defaultLocale)]);
  // The preference counts only as long as the registry declares it is kept; undeclared, never.
  const declared = findItem(registry, "localStorage", LOCALE_PREFERENCE_KEY);
  const duration = declared ? parseDuration(declared.duration) : null;
  const seconds = duration ? maxLifetimeSeconds(duration) : 0;
  const config = {
    locales,
    maxAgeMs: seconds === null ? Number.MAX_SAFE_INTEGER : seconds * 1000,
    preferenceKey: LOCALE_PREFERENCE_KEY,
    consent: consentRule(policy.frontmatter.consentRevision),
  };
  const base = siteUrl();
  const scriptHash = sha256(chooserScript(config));
  const pages = new Map<Locale, ChooserResponse>();
  for (const fallback of locales) {
    const strings = getStrings(fallback);
    const html = chooserHtml({
      config,
      fallback,
      title: `${strings.policyLabel} · ${strings.siteName}`,
      prompt: strings.chooseLanguage,
      editions: locales.map((l) => ({
        locale: l,
        name: getStrings(l).language.name,
        href: policyHref(l),
        absoluteHref: new URL(policyHref(l), base).href,
      })),
    });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    pages.set(fallback, {
      html,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "private, no-cache",
        Vary: "Accept-Language",
        "Content-Security-Policy": `default-src 'none'; script-src ${scriptHash}; style-src ${sha256(style)}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      },
    });
  }
  return pages;
}

// Content only changes with a new build, so a production server builds the pages once, on the first
// request, and then answers from memory: no file read, YAML parse or hash per request. `next dev` builds
// them on every request, so the legal team's edits show at once. A failed build is not kept.
let built: Promise<ReadonlyMap<Locale, ChooserResponse>> | undefined;

function chooserPages(): Promise<ReadonlyMap<Locale, ChooserResponse>> {
  if (process.env.NODE_ENV === "development") return buildChooserPages();
  if (!built) {
    const pending = buildChooserPages();
    built = pending;
    pending.catch(() => {
      if (built === pending) built = undefined;
    });
  }
  return built;
}

export async function serveChooser(request: Request): Promise<Response> {
  const fallback = negotiateLocale(request.headers.get("accept-language"));
  const page = (await chooserPages()).get(fallback);
  if (!page) throw new Error(`No chooser page for "${fallback}"`); // every locale has one: a bug if not
  return new Response(page.html, { headers: page.headers });
}
