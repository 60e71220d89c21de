// The address of the policy page, written once. No dependencies: client islands import it too.

/** `/en/cookie-policy`, or `/en/cookie-policy#changes` with a fragment id. */
export function policyHref(locale: string, hash?: string): string {
  return `/${locale}/cookie-policy${hash ? `#${hash}` : ""}`;
}

/** `/en/storage-labels.json`: what each declared item is for, fetched by the storage inspector. */
export function itemLabelsHref(locale: string): string {
  return `/${locale}/storage-labels.json`;
}
