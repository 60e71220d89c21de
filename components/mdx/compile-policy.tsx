// Compiles a policy edition's MDX on the server into React elements plus its table of contents.
import "server-only";
import { compileMDX } from "next-mdx-remote/rsc";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { loadPolicy, loadRegistry } from "@/lib/content/load";
import { rehypeSections } from "@/lib/content/sections";
import { rehypeCollectToc, type TocEntry } from "@/lib/content/toc";
import type { Locale } from "@/lib/i18n/locales";
import { getStrings } from "@/lib/i18n/strings";
import { createMdxComponents } from "./components";

export async function compilePolicy(locale: Locale) {
  const [policy, registry] = await Promise.all([loadPolicy(locale), loadRegistry()]);
  const toc: TocEntry[] = [];
  const { content } = await compileMDX({
    source: { value: policy.body, path: policy.file },
    components: createMdxComponents({ locale, registry, strings: getStrings(locale) }),
    options: {
      mdxOptions: {
        remarkPlugins: [remarkGfm],
        rehypePlugins: [rehypeSlug, rehypeCollectToc(toc), rehypeSections],
      },
    },
  });
  return { content, toc, frontmatter: policy.frontmatter, registry };
}
