import Link from "next/link";
import type { ComponentProps } from "react";

/** Internal paths go through next/link; other sites open as ordinary links marked as external. */
export function SmartLink({ href = "", children, ...rest }: ComponentProps<"a">) {
  if (href.startsWith("/"))
    return (
      <Link href={href} {...rest}>
        {children}
      </Link>
    );
  if (href.startsWith("#"))
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
