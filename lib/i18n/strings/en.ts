// Interface strings for English. Every other language has a file of the same shape beside this one.
export const en = {
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
  declaration: {
    name: "Name",
    provider: "Provider",
    purpose: "Purpose",
    duration: "Duration",
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
