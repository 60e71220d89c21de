// Serves the language chooser (lib/i18n/chooser.ts) for "/" and "/cookie-policy". Server only.
import "server-only";
import { loadPolicy, loadRegistry } from "../content/load";
import { maxLifetimeSeconds, parseDuration } from "../registry/duration";
import { findItem } from "../registry/match";
import { sha256Source } from "../security/inline-scripts";
import { policyHref } from "../site/routes";
import { siteUrl } from "../site/url";
import { chooserHtml, chooserScript, consentRule } from "./chooser";
import { defaultLocale, locales } from "./locales";
import { negotiateLocale } from "./negotiate";
import { LOCALE_PREFERENCE_KEY } from "./preference";
import { getStrings } from "./strings";

const sha256 = (text: string) => `'${sha256Source(text)}'`;

export async function serveChooser(request: Request): Promise<Response> {
  const fallback = negotiateLocale(request.headers.get("accept-language"));
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
  const strings = getStrings(fallback);
  const base = siteUrl();
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
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-cache",
      Vary: "Accept-Language",
      "Content-Security-Policy": `default-src 'none'; script-src ${sha256(chooserScript(config))}; style-src ${sha256(style)}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    },
  });
}
