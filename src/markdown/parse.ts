// The chapters' syntax: CommonMark with GFM (tables, footnotes, strikethrough, task lists, autolink literals),
// YAML front matter and directives (`:::question`, `:cite[id]`), parsed by remark-parse and the plugins that
// add each, in the order the depth guard needs (before remark-gfm's tree transform).
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import type { Preset } from 'unified'
import { remarkDepthGuard } from './depth.js'
import { remarkTypography, remarkVerbatimAddresses } from './typography.js'

/** Markdown to mdast, guarded against depth, with typographic quotes, dashes and ellipses. */
export const remarkSyntax: Preset = {
  plugins: [remarkParse, remarkDepthGuard, remarkGfm, [remarkFrontmatter, ['yaml']], remarkDirective, remarkTypography, remarkVerbatimAddresses]
}
