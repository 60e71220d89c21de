import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { isLocale, locales } from "@/lib/i18n/locales";
import { getStrings } from "@/lib/i18n/strings";
import { siteUrl } from "@/lib/site/url";
import "../globals.css";

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
    <html lang={locale}>
      <body id="top">
        <a href="#main" className="skip-link">
          {strings.skipToContent}
        </a>
        <SiteHeader locale={locale} strings={strings} />
        {children}
        <SiteFooter strings={strings} />
      </body>
    </html>
  );
}
