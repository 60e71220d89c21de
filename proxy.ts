// Sends "/" and "/cookie-policy" to the visitor's edition of the policy. Every other path is static.
import { NextResponse, type NextRequest } from "next/server";
import { negotiateLocale } from "@/lib/i18n/negotiate";

export function proxy(request: NextRequest) {
  const locale = negotiateLocale(request.headers.get("accept-language"));
  const url = request.nextUrl.clone();
  url.pathname = `/${locale}/cookie-policy`;
  const response = NextResponse.redirect(url, 307);
  response.headers.set("Vary", "Accept-Language");
  return response;
}

export const config = {
  matcher: ["/", "/cookie-policy"],
};
