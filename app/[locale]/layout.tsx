import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { BannerIntro } from "@/components/consent/banner-intro";
import { ConsentProvider } from "@/components/consent/consent-provider";
import { CookieSettingsButton } from "@/components/consent/cookie-settings-button";
import { dialogDetails } from "@/components/consent/dialog-details";
import { NoScriptNote } from "@/components/consent/no-script-note";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { PreferencesProvider } from "@/components/preferences/preferences-provider";
import { ThemeControl } from "@/components/preferences/theme-control";
import { ServerHtml } from "@/components/server-html";
import { keepOnServer } from "@/components/server-html-store";
import { recordLifetime } from "@/lib/consent/lifetime";
import { fillConsentWording } from "@/lib/consent/wording";
import { consentProof } from "@/lib/consent-log/texts";
import { CHANGES_ANCHOR } from "@/lib/content/changelog";
import { loadPolicy, loadRegistry } from "@/lib/content/load";
import { ContentError } from "@/lib/content/problems";
import { headScriptSource } from "@/lib/head-script";
import { isLocale, locales } from "@/lib/i18n/locales";
import { getStrings } from "@/lib/i18n/strings";
import { toClientRegistry } from "@/lib/registry/client";
import { FIRST_SCREEN_END_ID } from "@/lib/site/first-screen";
import { policyHref } from "@/lib/site/routes";
import { siteUrl } from "@/lib/site/url";
import "../globals.css";
import "@/components/consent/consent.css";
import "@/components/inspector/inspector.css";
import { THEME_COLORS } from "@/lib/preferences/theme-color";

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: "Cookie & Storage Policy", template: "%s" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: THEME_COLORS.light },
    { media: "(prefers-color-scheme: dark)", color: THEME_COLORS.dark },
  ],
  colorScheme: "light dark",
};

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const strings = getStrings(locale);
  let loaded;
  try {
    loaded = await Promise.all([loadPolicy(locale), loadRegistry()]);
  } catch (e) {
    // The dev preview's page explains content mistakes itself; a bare shell keeps the overlay away.
    if (process.env.NODE_ENV === "development" && e instanceof ContentError)
      return (
        <html lang={locale}>
          <body id="top">{children}</body>
        </html>
      );
    throw e;
  }
  const [{ frontmatter }, registry] = loaded;
  const policy = policyHref(locale);
  const clientRegistry = toClientRegistry(registry, locale, process.env);
  const consentStrings = fillConsentWording(strings.consent, clientRegistry);
  const proof = await consentProof(locale, consentStrings, clientRegistry);
  return (
    // the head script adds data-consent (and data-gpc, data-consent-reason, data-theme) before React hydrates
    <html lang={locale} data-consent-revision={frontmatter.consentRevision} suppressHydrationWarning>
      <head>
        {/* the first paint waits until the first screen is read whole: no half-read header (lib/site/first-screen.ts) */}
        <link rel="expect" href={`#${FIRST_SCREEN_END_ID}`} blocking="render" />
        {/* its source comes once, in the HTML, not again in the RSC payload (components/server-html.tsx) */}
        {process.env.NODE_ENV === "development" ? (
          <script dangerouslySetInnerHTML={{ __html: headScriptSource() }} />
        ) : (
          <ServerHtml as="script" htmlKey={keepOnServer(headScriptSource())} />
        )}
      </head>
      <body id="top">
        <ConsentProvider
          registry={clientRegistry}
          consentRevision={frontmatter.consentRevision}
          policyVersion={frontmatter.version}
          proof={proof}
          lifetime={recordLifetime(clientRegistry)}
          bannerIntro={
            <BannerIntro
              strings={consentStrings}
              policyHref={{ policy, changes: policyHref(locale, CHANGES_ANCHOR) }}
            />
          }
          dialogDetails={dialogDetails(clientRegistry, consentStrings)}
          strings={consentStrings}
        >
          <NoScriptNote text={strings.noScript} />
          <PreferencesProvider>
            <a href="#main" className="skip-link">
              {strings.skipToContent}
            </a>
            <SiteHeader locale={locale} strings={strings}>
              <ThemeControl strings={strings.preferences} />
            </SiteHeader>
            {children}
            <SiteFooter strings={strings}>
              <CookieSettingsButton />
            </SiteFooter>
          </PreferencesProvider>
        </ConsentProvider>
      </body>
    </html>
  );
}
