// Both editions of the policy: every section rendered, the right language on <html>, hreflang
// alternates, canonical and Open Graph, and the language switcher.
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { routeVendors } from "../lib/testing/vendors";

const LOCALES = ["en", "de"] as const;
const policy = (l: string) => `/${l}/cookie-policy`;

/** The headings the legal team wrote in content/<locale>/cookie-policy.mdx (## to ####), in order. */
function sourceHeadings(locale: string): Array<{ depth: number; text: string }> {
  const mdx = readFileSync(path.join(process.cwd(), "content", locale, "cookie-policy.mdx"), "utf8");
  return [...mdx.matchAll(/^(#{2,4}) (.+)$/gm)].map((m) => ({
    depth: m[1]!.length,
    text: m[2]!.replace(/\*\*|`/g, "").trim(),
  }));
}

async function html(request: APIRequestContext, url: string) {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return res.text();
}

const attr = (source: string, re: RegExp) => re.exec(source)?.[1];

test.describe("every edition", () => {
  for (const locale of LOCALES) {
    test(`${locale}: renders every section of its MDX, in order, plus the changes section`, async ({
      page,
      context,
    }) => {
      await routeVendors(context);
      await page.goto(policy(locale));
      const expected = sourceHeadings(locale);
      expect(expected.length).toBeGreaterThan(20);
      const rendered = await page
        // the policy's own sections carry a self-link; the live islands' headings (inspector, usage) do not
        .locator("article :is(h2, h3, h4):has(> a.heading-anchor)")
        .evaluateAll((hs) =>
          hs.map((h) => ({ depth: Number(h.tagName[1]), text: (h.firstChild?.textContent ?? "").trim(), id: h.id })),
        );
      const fromMdx = rendered.filter((h) => h.id !== "changes");
      expect(fromMdx.map(({ depth, text }) => ({ depth, text }))).toEqual(expected);
      // every heading can be linked to
      expect(rendered.every((h) => h.id.length > 0)).toBe(true);
      expect(rendered.at(-1)).toMatchObject({
        depth: 2,
        id: "changes",
        text: locale === "de" ? "Änderungen dieser Richtlinie" : "Changes to this policy",
      });
      // and the table of contents lists the same sections
      const toc = page
        .getByRole("navigation", { name: locale === "de" ? "Auf dieser Seite" : "On this page" })
        .locator(".hidden a");
      expect(await toc.count()).toBe(rendered.length);
    });
  }

  test("both editions have the same structure and the same declaration tables", async ({ request }) => {
    const shape = (source: string) => ({
      headings: [...source.matchAll(/<h([234])[^>]*\bid="/g)].map((m) => m[1]).join(""),
      tables: [...source.matchAll(/<table[^>]*\bdata-category="([a-z-]+)"/g)].map((m) => m[1]),
      items: [...source.matchAll(/data-item="([^"]+)"/g)].map((m) => m[1]),
    });
    const en = shape(await html(request, policy("en")));
    const de = shape(await html(request, policy("de")));
    expect(de).toEqual(en);
    expect(en.tables).toEqual(["necessary", "analytics", "advertising", "functional", "security"]);
    expect(en.items.length).toBeGreaterThan(15);
  });

  test("the German edition is German: registry texts, interface strings and dates", async ({ page, context }) => {
    await routeVendors(context);
    await page.goto(policy("de"));
    await expect(page.getByRole("heading", { level: 1, name: "Cookie- und Speicherrichtlinie" })).toBeVisible();
    const necessary = page.getByRole("table", { name: "Unbedingt erforderlich: Cookies und Speicher" });
    await expect(necessary.getByRole("columnheader", { name: "Zweck" })).toBeVisible();
    await expect(necessary.getByRole("row", { name: /^candor:consent\s/ })).toContainText(
      "Speichert Ihre Auswahl zu Cookies und Speicher",
    );
    await expect(necessary.getByRole("row", { name: /__Host-ims_session/ })).toContainText("Sitzung");
    await expect(
      page.getByRole("table", { name: "Leistung & Analyse: Cookies und Speicher" }).getByRole("row", { name: /^_ga / }),
    ).toContainText("2 Jahre");
    await expect(page.locator(".policy-meta")).toContainText("29. November 2026");
    await expect(page.getByRole("table", { name: "Fassungen dieser Richtlinie" })).toContainText(
      "Erste Veröffentlichung",
    );
    await expect(page.getByRole("region", { name: "Cookies bei IMsupporting" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Alle akzeptieren" })).toBeVisible();
  });
});

test.describe("language and links for search engines and sharing", () => {
  for (const locale of LOCALES) {
    test(`${locale}: <html lang>, canonical, hreflang alternates and Open Graph`, async ({ request }) => {
      const source = await html(request, policy(locale));
      expect(attr(source, /<html[^>]*\blang="([^"]+)"/)).toBe(locale);
      const head = source.slice(0, source.indexOf("</head>"));
      expect(attr(head, /<link rel="canonical" href="([^"]+)"/)).toMatch(
        new RegExp(`^https?://[^/]+/${locale}/cookie-policy$`),
      );
      for (const l of LOCALES)
        expect(attr(head, new RegExp(`<link rel="alternate" hrefLang="${l}" href="([^"]+)"`))).toMatch(
          new RegExp(`/${l}/cookie-policy$`),
        );
      expect(attr(head, /<link rel="alternate" hrefLang="x-default" href="([^"]+)"/)).toMatch(/^https?:\/\/[^/]+\/?$/);
      expect(attr(head, /<meta property="og:locale" content="([^"]+)"/)).toBe(locale === "de" ? "de_DE" : "en_US");
      expect(attr(head, /<meta property="og:url" content="([^"]+)"/)).toMatch(new RegExp(`/${locale}/cookie-policy$`));
      expect(attr(head, /<meta property="og:title" content="([^"]+)"/)).toContain(
        locale === "de" ? "Cookie- und Speicherrichtlinie" : "Cookie &amp; Storage Policy",
      );
      expect(attr(head, /<meta name="description" content="([^"]+)"/)).toContain(
        locale === "de" ? "Wie IMsupporting" : "How IMsupporting",
      );
      expect(attr(head, /<meta property="og:type" content="([^"]+)"/)).toBe("article");
    });
  }

  test("the chooser page at / names its language and every edition", async ({ request }) => {
    const res = await request.get("/", { headers: { "Accept-Language": "de-DE,de;q=0.9" } });
    const source = await res.text();
    expect(attr(source, /<html lang="([^"]+)"/)).toBe("de");
    for (const l of LOCALES)
      expect(source).toMatch(new RegExp(`<link rel="alternate" hreflang="${l}" href="[^"]+/${l}/cookie-policy">`));
    expect(res.headers()["vary"]).toContain("Accept-Language");
    expect(res.headers()["content-security-policy"]).toMatch(/script-src 'sha256-[^']+'/);
  });

  test("a page that does not exist is English first, as its 404 text is (the other languages follow, each with its lang)", async ({
    request,
  }) => {
    const res = await request.get("/xx/cookie-policy");
    expect(res.status()).toBe(404);
    expect(attr(await res.text(), /<html[^>]*\blang="([^"]+)"/)).toBe("en");
  });
});

test.describe("the language switcher", () => {
  test("names each language in that language, marks the current one, and switches", async ({ page, context }) => {
    await routeVendors(context);
    await page.goto(policy("en"));
    const nav = page.getByRole("navigation", { name: "Language" });
    await expect(nav.getByText("English")).toHaveAttribute("aria-current", "page");
    const deutsch = nav.getByRole("link", { name: "Deutsch" });
    await expect(deutsch).toHaveAttribute("hreflang", "de");
    await expect(deutsch).toHaveAttribute("lang", "de");
    await deutsch.click();
    await expect(page).toHaveURL(/\/de\/cookie-policy$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    const sprache = page.getByRole("navigation", { name: "Sprache" });
    await expect(sprache.getByText("Deutsch")).toHaveAttribute("aria-current", "page");
    await sprache.getByRole("link", { name: "English" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/en\/cookie-policy$/);
  });

  test("fits a phone in both languages: no sideways scrolling, the other language one tap away", async ({
    page,
    context,
  }) => {
    await routeVendors(context);
    await page.setViewportSize({ width: 375, height: 740 });
    for (const [locale, label, other] of [
      ["en", "Language", "Deutsch"],
      ["de", "Sprache", "English"],
    ] as const) {
      await page.goto(policy(locale));
      const nav = page.getByRole("navigation", { name: label });
      await expect(nav.getByRole("link", { name: other })).toBeInViewport();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, locale).toBeLessThanOrEqual(0);
    }
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(policy("de"));
    await page.getByRole("navigation", { name: "Sprache" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/cookie-policy$/);
    await context.close();
  });

  test("axe finds no violations on the German edition", async ({ page, context }) => {
    await routeVendors(context);
    await page.goto(policy("de"));
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
