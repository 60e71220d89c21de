"use client";
// A link to another edition that, when followed, remembers the choice for "/" — only with Functional
// consent. Without JavaScript it is a plain link.
import type { ReactNode } from "react";
import { useConsent } from "@/components/consent/consent-context";
import { rememberLocale } from "@/lib/i18n/preference";
import { policyHref } from "@/lib/site/routes";

export function LanguageLink({
  locale,
  className,
  children,
}: {
  locale: string;
  className?: string;
  children: ReactNode;
}) {
  const { store } = useConsent();
  return (
    <a
      href={policyHref(locale)}
      hrefLang={locale}
      lang={locale}
      className={className}
      onClick={() =>
        rememberLocale(locale, { functionalGranted: store.isCategoryGranted("functional"), now: Date.now() })
      }
    >
      {children}
    </a>
  );
}
