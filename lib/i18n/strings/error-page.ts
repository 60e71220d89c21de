// The error pages' words in every language. Apart from the rest of the strings because app/error.tsx and
// app/global-error.tsx are client code: the whole catalog would ride along in every page's JavaScript.
import type { Locale } from "../locales";

export interface ErrorPageStrings {
  title: string;
  body: string;
  retry: string;
}

export const errorPageStrings = {
  en: {
    title: "This page could not be shown",
    body: "Something went wrong while showing this page in your browser. Try again; if it keeps happening, the policy can also be read with JavaScript turned off.",
    retry: "Try again",
  },
  de: {
    title: "Diese Seite konnte nicht angezeigt werden",
    body: "Beim Anzeigen dieser Seite in Ihrem Browser ist etwas schiefgegangen. Versuchen Sie es erneut; wenn es wieder passiert, lässt sich die Richtlinie auch mit ausgeschaltetem JavaScript lesen.",
    retry: "Erneut versuchen",
  },
} satisfies Record<Locale, ErrorPageStrings>;
