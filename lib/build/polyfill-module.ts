// Stands in for Next.js's own polyfill module (next/dist/build/polyfills/polyfill-module.js, aliased in
// next.config.mjs), which every page's first script carries: it patches String#trimStart and #trimEnd,
// Symbol#description, Array#flat, #flatMap and #at, Promise#finally, Object.fromEntries and Object.hasOwn,
// which every browser in package.json's browserslist has (and Lighthouse counts as legacy JavaScript),
// and URL.canParse, which Chrome before 120, Firefox before 115 and Safari before 17 lack. That one stays.
if (typeof URL.canParse !== "function")
  URL.canParse = (url: string | URL, base?: string | URL) => {
    try {
      new URL(url, base);
      return true;
    } catch {
      return false;
    }
  };

export {};
