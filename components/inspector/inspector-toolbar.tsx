"use client";
// The inspector's filter (name or purpose), category choice and Refresh button.
import type { CategoryFilter, InspectorCategory } from "@/lib/storage/inspect";
import type { InspectorStrings } from "./inspector-strings";

export function InspectorToolbar({
  text,
  category,
  categories,
  loaded,
  busy,
  t,
  onText,
  onCategory,
  onRefresh,
}: {
  text: string;
  category: CategoryFilter;
  categories: readonly InspectorCategory[];
  loaded: boolean;
  busy: boolean;
  t: InspectorStrings;
  onText: (text: string) => void;
  onCategory: (category: CategoryFilter) => void;
  onRefresh: () => void;
}) {
  return (
    <div className="ins-toolbar">
      <label className="ins-field">
        <span>{t.filterLabel}</span>
        <input type="search" value={text} onChange={(e) => onText(e.target.value)} disabled={!loaded} />
      </label>
      <label className="ins-field">
        <span>{t.categoryLabel}</span>
        <select value={category} onChange={(e) => onCategory(e.target.value)} disabled={!loaded}>
          <option value="all">{t.allCategories}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
          <option value="undeclared">{t.undeclaredOption}</option>
        </select>
      </label>
      <button type="button" className="ins-btn" onClick={onRefresh} disabled={!loaded || busy}>
        {t.refresh}
      </button>
    </div>
  );
}
