import { Heading } from "@/components/mdx/heading";
import { PolicyTable } from "@/components/mdx/table";
import { CHANGES_ANCHOR, type Changelog } from "@/lib/content/changelog";
import { POLICY_SECTION_CLASS } from "@/lib/content/sections";
import type { Locale } from "@/lib/i18n/locales";
import type { Strings } from "@/lib/i18n/strings";
import { localize } from "@/lib/registry/schema";
import { formatPolicyDate } from "./format-date";

/** "Changes to this policy": every published version from content/changelog.yaml, newest first. */
export function PolicyChanges({
  changelog,
  locale,
  strings,
}: {
  changelog: Changelog;
  locale: Locale;
  strings: Strings;
}) {
  const t = strings.changes;
  return (
    // a section of the policy like those of the text: laid out late while the page loads (issue 15)
    <section aria-labelledby={CHANGES_ANCHOR} className={`${POLICY_SECTION_CLASS} policy-changes`}>
      <Heading as="h2" id={CHANGES_ANCHOR}>
        {t.title}
      </Heading>
      <PolicyTable caption={t.caption}>
        <thead>
          <tr>
            <th scope="col">{t.version}</th>
            <th scope="col">{t.date}</th>
            <th scope="col">{t.summary}</th>
          </tr>
        </thead>
        <tbody>
          {changelog.changes.map((c) => (
            <tr key={c.version} data-version={c.version}>
              <th scope="row">{c.version}</th>
              <td className="whitespace-nowrap">
                <time dateTime={c.date}>{formatPolicyDate(c.date, locale)}</time>
              </td>
              <td>
                {localize(c.summary, locale)}
                {c.asksConsentAgain ? <strong className="mt-1 block text-sm">{t.consentAskedAgain}</strong> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </PolicyTable>
    </section>
  );
}
