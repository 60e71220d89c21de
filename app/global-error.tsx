"use client";
// When the root layout itself fails: a whole page of its own (it replaces <html>), in every language
// since it cannot know the visitor's, with a way to try again.
import type { Locale } from "@/lib/i18n/locales";
import { errorPageStrings } from "@/lib/i18n/strings/error-page";
import "./error-page.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const all = Object.entries(errorPageStrings) as Array<[Locale, (typeof errorPageStrings)[Locale]]>;
  return (
    <html lang={all[0]?.[0] ?? "en"}>
      <body>
        <main id="main" className="error-page">
          {all.map(([locale, t], i) => (
            <section key={locale} lang={locale}>
              {i ? <h2>{t.title}</h2> : <h1>{t.title}</h1>}
              <p className="error-page-body">{t.body}</p>
              <p>
                <button type="button" onClick={reset}>
                  {t.retry}
                </button>
              </p>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
