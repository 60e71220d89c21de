import type { Metadata } from "next";
import { defaultLocale, type Locale, locales } from "@/lib/i18n/locales";
import { getStrings } from "@/lib/i18n/strings";
import "./globals.css";
import { policyHref } from "@/lib/site/routes";

export const metadata: Metadata = {
  title: "Page not found",
  robots: { index: false },
};

// One static page for every unknown address, so it cannot know the visitor's language: the default
// language's text first, then every other language's, each marked with its own lang.
export default function GlobalNotFound() {
  const others = locales.filter((l) => l !== defaultLocale);
  return (
    <html lang={defaultLocale}>
      <body>
        <main id="main" className="mx-auto flex min-h-[70vh] max-w-xl flex-col justify-center px-6 py-16">
          <p className="text-sm font-medium uppercase tracking-wider text-accent">404</p>
          <NotFoundText locale={defaultLocale} />
          {others.map((locale) => (
            <section key={locale} lang={locale} className="mt-10 border-t border-line pt-6">
              <NotFoundText locale={locale} />
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}

/** The page's title, text and way back in one language: the default one as the page's h1. */
function NotFoundText({ locale }: { locale: Locale }) {
  const t = getStrings(locale);
  const Heading = locale === defaultLocale ? "h1" : "h2";
  return (
    <>
      <Heading
        className={
          locale === defaultLocale
            ? "mt-2 text-3xl font-semibold tracking-tight text-fg"
            : "text-xl font-semibold tracking-tight text-fg"
        }
      >
        {t.notFoundTitle}
      </Heading>
      <p className="mt-4 text-muted">{t.notFoundBody}</p>
      <p className="mt-6">
        <a href={policyHref(locale)} className="font-medium text-accent underline underline-offset-4">
          {t.siteName} — {t.policyLabel}
        </a>
      </p>
    </>
  );
}
