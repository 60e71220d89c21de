import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContentReload } from "@/components/dev/content-reload";
import { TableOfContents } from "@/components/layout/table-of-contents";
import { compilePolicy } from "@/components/mdx/compile-policy";
import { formatPolicyDate } from "@/components/policy/format-date";
import { PolicyChanges } from "@/components/policy/policy-changes";
import { staticize } from "@/components/static-html";
import { CHANGES_ANCHOR } from "@/lib/content/changelog";
import { loadChangelog, loadPolicy } from "@/lib/content/load";
import { ContentError } from "@/lib/content/problems";
import { isLocale, locales } from "@/lib/i18n/locales";
import { getStrings } from "@/lib/i18n/strings";
import { FIRST_SCREEN_END_ID } from "@/lib/site/first-screen";
import { policyHref } from "@/lib/site/routes";

export const dynamic = "force-static";

const isDev = process.env.NODE_ENV === "development";

export async function generateMetadata({ params }: PageProps<"/[locale]/cookie-policy">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  let frontmatter;
  try {
    ({ frontmatter } = await loadPolicy(locale));
  } catch (e) {
    if (isDev && e instanceof ContentError) return { title: "Content problem" }; // the page says what
    throw e;
  }
  const strings = getStrings(locale);
  const title = `${frontmatter.title} · ${strings.siteName}`;
  return {
    title,
    description: frontmatter.description,
    alternates: {
      canonical: policyHref(locale),
      languages: { ...Object.fromEntries(locales.map((l) => [l, policyHref(l)])), "x-default": "/" },
    },
    openGraph: {
      type: "article",
      title,
      description: frontmatter.description,
      url: policyHref(locale),
      siteName: strings.siteName,
      locale: strings.language.ogLocale,
      alternateLocale: locales.filter((l) => l !== locale).map((l) => getStrings(l).language.ogLocale),
      publishedTime: frontmatter.effectiveDate,
      modifiedTime: frontmatter.lastUpdated,
    },
  };
}

export default async function CookiePolicyPage({ params }: PageProps<"/[locale]/cookie-policy">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const strings = getStrings(locale);

  // The dev preview checks content/ on every render and explains mistakes instead of crashing.
  let devNotice: React.ReactNode = null;
  if (isDev) {
    const [{ devContentCheck }, { ContentProblems }, { contentStamp }] = await Promise.all([
      import("@/components/dev/dev-content-check"),
      import("@/components/dev/content-problems"),
      import("@/lib/content/stamp"),
    ]);
    // stamped before reading, so a save during the render is seen as newer
    const stamp = await contentStamp();
    const report = await devContentCheck();
    const own = report.problems.filter((p) => p.file === `content/${locale}/cookie-policy.mdx`);
    const ordered = [...own, ...report.problems.filter((p) => !own.includes(p))];
    if (report.blocked.includes(locale))
      return (
        <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
          <ContentReload stamp={stamp} />
          <ContentProblems problems={ordered} blocking />
        </main>
      );
    devNotice = (
      <>
        <ContentReload stamp={stamp} />
        {ordered.length ? <ContentProblems problems={ordered} blocking={false} /> : null}
      </>
    );
  }

  const [{ content, toc, frontmatter }, changelog] = await Promise.all([compilePolicy(locale), loadChangelog()]);
  const fullToc = [...toc, { id: CHANGES_ANCHOR, text: strings.changes.title, depth: 2 as const, children: [] }];
  // What holds nothing live is taken out of React: less RSC payload, less to hydrate (components/static-html.ts).
  // The dev preview re-renders from a new payload on every edit, so there the payload carries the HTML.
  return staticize(
    <div className="mx-auto grid max-w-6xl gap-8 px-4 pb-16 pt-6 sm:px-6 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-12 lg:pt-10">
      <TableOfContents toc={fullToc} label={strings.onThisPage} />
      <main id="main" tabIndex={-1} className="min-w-0 focus:outline-none">
        {devNotice}
        <article className="policy prose max-w-none">
          <header id={FIRST_SCREEN_END_ID} className="not-prose mb-8 border-b border-line pb-6">
            <p className="text-sm font-medium uppercase tracking-wider text-accent">{strings.siteName}</p>
            {/* focusable from script: where focus goes when the banner's confirmation is hidden */}
            <h1 tabIndex={-1} className="mt-2 text-3xl font-semibold tracking-tight text-fg sm:text-4xl">
              {frontmatter.title}
            </h1>
            <p className="mt-3 max-w-2xl text-base text-muted">{frontmatter.description}</p>
            <dl className="policy-meta mt-4 flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
              <div>
                <dt>{strings.version}</dt> <dd>{frontmatter.version}</dd>
              </div>
              <div>
                <dt>{strings.effective}</dt>{" "}
                <dd>
                  <time dateTime={frontmatter.effectiveDate}>
                    {formatPolicyDate(frontmatter.effectiveDate, locale)}
                  </time>
                </dd>
              </div>
              <div>
                <dt>{strings.lastUpdated}</dt>{" "}
                <dd>
                  <time dateTime={frontmatter.lastUpdated}>{formatPolicyDate(frontmatter.lastUpdated, locale)}</time>
                </dd>
              </div>
            </dl>
          </header>
          {content}
          <PolicyChanges changelog={changelog} locale={locale} strings={strings} />
        </article>
      </main>
    </div>,
    isDev ? "payload" : "server",
  );
}
