import { Children, type ComponentProps, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

/** Tables with more rows than this are laid out only near the screen (content-visibility). */
const LONG_TABLE_ROWS = 30;

/**
 * Every table sits in a labelled region that scrolls sideways on its own on a narrow screen, so the
 * page itself never does. The caption is given by the <Table caption="…"> wrapper in MDX.
 */
export function PolicyTable({
  caption,
  rows = 0,
  children,
  ...rest
}: ComponentProps<"table"> & { caption?: string; rows?: number }) {
  // A long table (a large declaration) is laid out only when it comes near the screen: with 500 items
  // the tables' style and layout were most of the page's main-thread work while it loads. The space it
  // holds meanwhile is estimated from its rows, then the browser remembers the real height.
  const long = rows > LONG_TABLE_ROWS;
  return (
    <div
      className={long ? "table-scroll table-long" : "table-scroll"}
      style={long ? { containIntrinsicSize: `auto ${(rows * 3.5 + 4).toFixed(1)}rem` } : undefined}
      role="region"
      aria-label={caption ?? "Table"}
      tabIndex={0}
    >
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
