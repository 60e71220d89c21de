import type { ComponentProps } from "react";

/** A policy heading with a visible self-link, so any section can be linked to. */
export function Heading({ as: Tag, id, children, ...rest }: ComponentProps<"h2"> & { as: "h2" | "h3" | "h4" }) {
  return (
    <Tag id={id} {...rest} className="group scroll-mt-24">
      {children}
      {id ? (
        <a href={`#${id}`} className="heading-anchor" aria-hidden="true" tabIndex={-1}>
          #
        </a>
      ) : null}
    </Tag>
  );
}
