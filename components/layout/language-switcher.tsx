import { type Locale, locales } from "@/lib/i18n/locales";
import { getStrings, type Strings } from "@/lib/i18n/strings";
import { LanguageLink } from "./language-link";

/**
 * Links to every edition, each named in its own language. Plain links, so it works without
 * JavaScript; a choice is remembered only with Functional consent (LanguageLink).
 */
export function LanguageSwitcher({ locale, strings }: { locale: Locale; strings: Strings }) {
  return (
    <nav aria-label={strings.languageSwitcher} className="language-switcher print:hidden">
      <ul className="flex items-center gap-1 text-sm">
        {locales.map((l) => {
          const name = getStrings(l).language.name;
          return (
            // on a phone the header has room only for the languages one can switch to
            <li key={l} className={l === locale ? "max-sm:hidden" : undefined}>
              {l === locale ? (
                <span aria-current="page" lang={l} className="language-current">
                  {name}
                </span>
              ) : (
                <LanguageLink locale={l} className="language-link">
                  {name}
                </LanguageLink>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
