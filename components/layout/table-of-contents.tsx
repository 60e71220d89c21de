import type { TocEntry } from "@/lib/content/toc";

/** Anchor links to every section; a folded list on phones, a sticky column on wide screens. */
export function TableOfContents({ toc, label }: { toc: TocEntry[]; label: string }) {
  const list = (entries: TocEntry[], nested = false) => (
    <ol className={nested ? "ml-3 mt-1 space-y-1 border-l border-line pl-3" : "space-y-1.5"}>
      {entries.map((e) => (
        <li key={e.id}>
          <a href={`#${e.id}`} className="toc-link">
            {e.text}
          </a>
          {e.children.length ? list(e.children, true) : null}
        </li>
      ))}
    </ol>
  );
  return (
    <nav aria-label={label} className="toc print:hidden">
      <details className="toc-mobile lg:hidden">
        <summary>{label}</summary>
        <div className="mt-3">{list(toc)}</div>
      </details>
      <div className="hidden lg:block">
        <p className="toc-title">{label}</p>
        {list(toc)}
      </div>
    </nav>
  );
}
