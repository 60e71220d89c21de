import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { PreferencesProvider } from "@/components/preferences/preferences-provider";
import { ThemeControl } from "@/components/preferences/theme-control";
import { preferencesHeadPart } from "@/lib/preferences/head-script";
import { isLocale, locales } from "@/lib/i18n/locales";
import { getStrings } from "@/lib/i18n/strings";
import "../globals.css";
import "@/components/inspector/inspector.css";

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export const metadata: Metadata = {
  title: { default: "Cookie & Storage Policy", template: "%s" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf8" },
    { media: "(prefers-color-scheme: dark)", color: "#121417" },
  ],
  colorScheme: "light dark",
};

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const strings = getStrings(locale);
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: `(function(d){try{${preferencesHeadPart}}catch(e){}})(document.documentElement)` }} />
      </head>
      <body id="top">
        <PreferencesProvider>
          <a href="#main" className="skip-link">
            {strings.skipToContent}
          </a>
          <SiteHeader locale={locale} strings={strings}>
            <ThemeControl strings={strings.preferences} />
          </SiteHeader>
          {children}
          <SiteFooter strings={strings} />
        </PreferencesProvider>
      </body>
    </html>
  );
}
