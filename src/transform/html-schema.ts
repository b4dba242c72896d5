// The allow-list every chapter's HTML is sanitised against: GitHub's (hast-util-sanitize's default) with the
// harmless inline HTML authors write, plus the attributes the pipeline itself sets; minus everything that runs
// code or loads anything. Images come only from Markdown, after remark-links has checked them.
import { defaultSchema, type Schema } from 'hast-util-sanitize'

/** Inline and block HTML an author may write, beyond GitHub's list. */
const extraTags = ['abbr', 'bdi', 'bdo', 'caption', 'cite', 'col', 'colgroup', 'dfn', 'figcaption', 'figure', 'mark', 'small', 'time', 'u', 'wbr']

/** GitHub's tags that load a resource of their own (`srcset`). */
const loadingTags = new Set(['picture', 'source'])

/** Removed with their content: what they hold is code or raw text, never prose to keep. */
export const strippedTags = ['script', 'style', 'template', 'noscript', 'iframe', 'noembed', 'noframes', 'object', 'embed', 'textarea', 'title', 'xmp', 'svg', 'math']

/** Attributes the pipeline sets on its own elements: classes, ids, roles, note types, data for later stages. */
const pipelineAttributes = ['className', 'id', 'role', 'epub:type', 'ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy', 'ariaHidden', 'data*']

/**
 * Of GitHub's attributes for every element, those HTML5 (and so EPUB 3) allows on every element. The rest are
 * obsolete presentation (`align`, `valign`, `width`, `border`…), form or URL attributes, or valid only on a
 * few elements (listed in `ownAttributes`): an EPUB holding them fails epubcheck, so the audit refuses them.
 */
const globalAttributes = new Set(['accessKey', 'dir', 'id', 'itemProp', 'lang', 'tabIndex', 'title'])

/** Attributes valid on some elements only. `align` on a table cell is GFM's column alignment (the EPUB turns it into a style). */
const ownAttributes: Record<string, string[]> = {
  a: ['hrefLang'],
  col: ['span'],
  colgroup: ['span'],
  del: ['dateTime'],
  details: ['open'],
  input: ['checked'],
  ins: ['dateTime'],
  li: ['value'],
  ol: ['start'],
  td: ['align', 'colSpan', 'rowSpan', 'headers'],
  th: ['align', 'colSpan', 'rowSpan', 'headers', 'scope', 'abbr'],
  time: ['dateTime']
}

/** Links may only go to a place in the book or to the web: nothing relative (`../../etc/passwd`), no `file:`. */
const safeHref: [string, ...RegExp[]] = ['href', /^#/, /^https?:\/\/[^/]/i, /^mailto:/i]

/**
 * The schema for one chapter. `images` are the file URLs remark-links checked (inside the project, existing):
 * an image with any other source, which can only come from raw HTML, loses it.
 */
export function chapterSchema(images: readonly string[]): Schema {
  const attributes = withoutClassRestrictions(defaultSchema.attributes ?? {})
  return {
    ...defaultSchema,
    tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => !loadingTags.has(tag)), ...extraTags],
    strip: strippedTags,
    attributes: {
      ...attributes,
      a: [...(attributes.a ?? []).filter((a) => nameOf(a) !== 'href'), safeHref],
      // Note: a tuple of the name alone would allow any value, so with no checked images `src` is not listed.
      img: images.length > 0 ? ['alt', 'title', ['src', ...images]] : ['alt', 'title'],
      ...Object.fromEntries(Object.entries(ownAttributes).map(([tag, own]) => [tag, [...(attributes[tag] ?? []), ...own]])),
      '*': [...(attributes['*'] ?? []).filter((a) => globalAttributes.has(nameOf(a))), ...pipelineAttributes]
    },
    protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['file'] },
    // Note: the pipeline's ids already carry the chapter's prefix (`themes-memory`); GitHub's `user-content-`
    // would break every link to them.
    clobber: [],
    allowComments: false,
    allowDoctypes: false
  }
}

/**
 * GitHub limits `class` on some elements to its own values (`h2` to `sr-only`); such a rule shadows the
 * general one and would empty the pipeline's classes (`notes-heading`, `term-link`), so it is dropped.
 */
function withoutClassRestrictions(attributes: Attributes): Attributes {
  return Object.fromEntries(Object.entries(attributes).map(([tag, list]) => [tag, list.filter((definition) => nameOf(definition) !== 'className')]))
}

type Attributes = NonNullable<Schema['attributes']>

/** The attribute an allow-list entry names: `'href'`, or the first item of `['className', 'footnotes']`. */
function nameOf(definition: Attributes[string][number]): string {
  return typeof definition === 'string' ? definition : definition[0]
}
