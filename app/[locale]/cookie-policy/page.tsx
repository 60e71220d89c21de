import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { compilePolicy } from "@/components/mdx/compile-policy";
import { TableOfContents } from "@/components/layout/table-of-contents";
import { loadPolicy } from "@/lib/content/load";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { getStrings } from "@/lib/i18n/strings";

export const dynamic = "force-static";

export async function generateMetadata({ params }: PageProps<"/[locale]/cookie-policy">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const { frontmatter } = await loadPolicy(locale);
  return { title: frontmatter.title, description: frontmatter.description };
}

function formatDate(iso: string, locale: Locale) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

export default async function CookiePolicyPage({ params }: PageProps<"/[locale]/cookie-policy">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const strings = getStrings(locale);
  const { content, toc, frontmatter } = await compilePolicy(locale);
  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 pb-16 pt-6 sm:px-6 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-12 lg:pt-10">
      <TableOfContents toc={toc} label={strings.onThisPage} />
      <main id="main" tabIndex={-1} className="min-w-0 focus:outline-none">
        <article className="policy prose max-w-none">
          <header className="not-prose mb-8 border-b border-line pb-6">
            <p className="text-sm font-medium uppercase tracking-wider text-accent">{strings.siteName}</p>
            <h1 className="mt-2 text-3xl font-semibold tracking-tight text-fg sm:text-4xl">{frontmatter.title}</h1>
            <p className="mt-3 max-w-2xl text-base text-muted">{frontmatter.description}</p>
            <dl className="policy-meta mt-4 flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
              <div>
                <dt>{strings.version}</dt> <dd>{frontmatter.version}</dd>
              </div>
              <div>
                <dt>{strings.effective}</dt> <dd><time dateTime={frontmatter.effectiveDate}>{formatDate(frontmatter.effectiveDate, locale)}</time></dd>
              </div>
              <div>
                <dt>{strings.lastUpdated}</dt> <dd><time dateTime={frontmatter.lastUpdated}>{formatDate(frontmatter.lastUpdated, locale)}</time></dd>
              </div>
            </dl>
          </header>
          {content}
        </article>
      </main>
    </div>
  );
}
