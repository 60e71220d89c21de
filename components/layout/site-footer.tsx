import type { Strings } from "@/lib/i18n/strings";

export function SiteFooter({ strings, children }: { strings: Strings; children?: React.ReactNode }) {
  return (
    <footer className="site-footer">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-8 text-sm text-muted sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          © {strings.siteName}. {strings.footerNote}
        </p>
        <div className="flex flex-wrap items-center gap-4 print:hidden">
          {children}
          <a href="#top" className="underline-offset-4 hover:underline">
            {strings.backToTop}
          </a>
        </div>
      </div>
    </footer>
  );
}
