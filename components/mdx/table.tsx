import { Children, type ComponentProps, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

/**
 * Every table sits in a labelled region that scrolls sideways on its own on a narrow screen, so the
 * page itself never does. The caption is given by the <Table caption="…"> wrapper in MDX.
 */
export function PolicyTable({ caption, children, ...rest }: ComponentProps<"table"> & { caption?: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption ?? "Table"} tabIndex={0}>
      <table {...rest}>
        {caption ? <caption>{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

/** MDX: wraps a Markdown table to give it a caption. */
export function Table({ caption, children }: { caption: string; children?: ReactNode }) {
  return (
    <>
      {Children.map(children, (child) =>
        isValidElement(child) ? cloneElement(child as ReactElement<{ caption?: string }>, { caption }) : child,
      )}
    </>
  );
}
