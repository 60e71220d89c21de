"use client";
// What the inspector needs from the consent store. (Branch-only stand-in until the consent store is
// merged; replaced by useConsent() then.)
export interface ConsentLink {
  /** Re-read the consent record after something deleted it. */
  refresh(): void;
  /** Whether a category is granted now; null while not known. */
  granted(category: string): boolean | null;
}

export function useConsentLink(): ConsentLink {
  return { refresh: () => undefined, granted: () => null };
}
