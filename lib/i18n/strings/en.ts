// Interface strings for English. Every other language has a file of the same shape beside this one.
export const en = {
  /** This language as its speakers write it, for the language switcher; og: Open Graph locale. */
  language: { name: "English", ogLocale: "en_US" },
  siteName: "IMsupporting",
  policyLabel: "Cookie & Storage Policy",
  skipToContent: "Skip to the policy",
  onThisPage: "On this page",
  version: "Version",
  effective: "Effective",
  lastUpdated: "Last updated",
  footerNote: "This page sets no cookies. Your choices are kept in your browser's local storage.",
  printPolicy: "Print this policy",
  backToTop: "Back to top",
  notFoundTitle: "Page not found",
  notFoundBody: "There is no page at this address. The cookie & storage policy is here:",
  languageSwitcher: "Language",
  chooseLanguage: "Choose your language",
  changes: {
    title: "Changes to this policy",
    caption: "Versions of this policy",
    version: "Version",
    date: "Date",
    summary: "What changed",
    consentAskedAgain: "We asked everyone for consent again.",
  },
  declaration: {
    name: "Name",
    provider: "Provider",
    purpose: "Purpose",
    duration: "Duration",
    durationWords: { session: "Session", persistent: "Until you clear it" },
    type: "Type",
    empty: "Nothing is declared in this category.",
    captionSuffix: "cookies and storage",
    httpOnly: "not readable by scripts",
    setByApp: "set by the IMsupporting application",
    storage: {
      cookie: "Cookie",
      localStorage: "Local storage",
      sessionStorage: "Session storage",
      indexedDB: "IndexedDB",
      cacheStorage: "Cache storage",
    },
  },
} as const;

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type Strings = Widen<typeof en>;
