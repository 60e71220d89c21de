import type { Locale } from "@/lib/i18n/locales";
import type { Strings } from "@/lib/i18n/strings";
import { policyHref } from "@/lib/site/routes";
import { LanguageSwitcher } from "./language-switcher";

export function SiteHeader({
  locale,
  strings,
  children,
}: {
  locale: Locale;
  strings: Strings;
  children?: React.ReactNode;
}) {
  return (
    <header className="site-header">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        {/* a plain link: the policy pages load in full (components/server-html.tsx) */}
        <a href={policyHref(locale)} className="flex items-baseline gap-2 no-underline">
          <span className="text-lg font-semibold tracking-tight text-fg">{strings.siteName}</span>
          <span className="hidden text-sm text-muted sm:inline">{strings.policyLabel}</span>
        </a>
        <div className="flex items-center gap-2 print:hidden">
          <LanguageSwitcher locale={locale} strings={strings} />
          {children}
        </div>
      </div>
    </header>
  );
}
