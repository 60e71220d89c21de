import { Fragment } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Strings } from "@/lib/i18n/strings";
import { formatDuration, parseDuration } from "@/lib/registry/duration";
import { localize, type Registry } from "@/lib/registry/schema";
import { PolicyTable } from "./table";

/** MDX: the declared cookies and storage keys of one category, straight from the registry. */
export function DeclarationTable({
  category,
  registry,
  locale,
  strings,
}: {
  category: string;
  registry: Registry;
  locale: Locale;
  strings: Strings;
}) {
  const cat = registry.categories.find((c) => c.id === category);
  if (!cat) throw new Error(`DeclarationTable: unknown category "${category}"`);
  const t = strings.declaration;
  const items = registry.items.filter((i) => i.category === category);
  const caption = `${localize(cat.title, locale)}: ${t.captionSuffix}`;
  if (items.length === 0) return <p>{t.empty}</p>;
  return (
    <PolicyTable caption={caption} className="declaration" data-category={category} rows={items.length}>
      <thead>
        <tr>
          <th scope="col">{t.name}</th>
          <th scope="col">{t.provider}</th>
          <th scope="col">{t.purpose}</th>
          <th scope="col">{t.duration}</th>
          <th scope="col">{t.type}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const service = registry.services.find((s) => s.id === item.service);
          const duration = parseDuration(item.duration);
          const notes = [item.httpOnly ? t.httpOnly : null, item.scope === "app" ? t.setByApp : null].filter(Boolean);
          return (
            <tr key={`${item.storage}:${item.name}`} data-item={item.name}>
              <th scope="row">
                <code>{item.name}</code>
              </th>
              <td>
                {service ? (
                  <Fragment>
                    {service.name}
                    <span className="block text-xs text-muted">{service.provider}</span>
                  </Fragment>
                ) : (
                  item.provider
                )}
              </td>
              <td>
                {localize(item.purpose, locale)}
                {notes.length ? <span className="block text-xs text-muted">({notes.join("; ")})</span> : null}
              </td>
              <td>{duration ? formatDuration(duration, locale, t.durationWords) : item.duration}</td>
              <td>{t.storage[item.storage]}</td>
            </tr>
          );
        })}
      </tbody>
    </PolicyTable>
  );
}
