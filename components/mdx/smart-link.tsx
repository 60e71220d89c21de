import type { ComponentProps } from "react";

/**
 * Links in the policy text. Links to this site's own pages are plain links, not next/link: the policy
 * pages load in full, because the text that holds nothing live comes only with the page's HTML
 * (components/server-html.tsx), and a document of two pages gains nothing from prefetching them.
 * Other sites open as ordinary links marked as external.
 */
export function SmartLink({ href = "", children, ...rest }: ComponentProps<"a">) {
  if (href.startsWith("/") || href.startsWith("#"))
    return (
      <a href={href} {...rest}>
        {children}
      </a>
    );
  return (
    <a href={href} rel="noopener noreferrer" data-external="" {...rest}>
      {children}
    </a>
  );
}
