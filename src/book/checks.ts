// What only the whole book can tell: unique slugs and ids, links and glossary terms that resolve, sources that
// are used, handouts that keep their spoiler promise. Problems are reported on the chapter they concern.
import type { VFile } from 'vfile'
import type { Chapter } from '../chapter/chapter.js'
import { fail, warn } from '../core/messages.js'
import { isWikipedia, type Source } from '../project/schema.js'
import type { SourcePlaces } from '../project/sources.js'
import type { IdReference } from '../project/data.js'

/** Book-wide checks over one edition's chapters (the teacher edition holds everything). */
export function checkBook(chapters: Chapter[], sources: ReadonlyMap<string, Source>, sourcePlaces: SourcePlaces) {
  const owner = definedIds(chapters)
  const cited = new Set<string>()
  const spoilerTerms = new Set(chapters.flatMap(({ file }) => (file.data.definitions ?? []).filter((d) => d.spoiler).map((d) => d.id)))
  const slugs = new Set(chapters.map(({ file }) => file.data.slug as string))
  const bibliography = [...owner.keys()].some((id) => id.startsWith('source-'))
  for (const { file } of chapters) {
    let toldOfBibliography = false
    for (const ref of file.data.references ?? []) {
      if (owner.has(ref.id)) continue
      if (ref.kind === 'term') fail(file, `Glossary term \`${ref.written ?? ref.id.slice(5)}\` is not defined (no \`:::definition\` with that id)`, 'term-unknown', ref.place)
      else if (ref.written === undefined && ref.id.startsWith('source-') && !bibliography) {
        // Every note links to the bibliography: with no chapter printing it, say so once per chapter, not once per source.
        if (!toldOfBibliography) fail(file, 'Citations link to the bibliography, but no chapter prints it: add a sources chapter (say `chapters/99-sources.md`) holding the line `::sources`', 'bibliography-missing', ref.place)
        toldOfBibliography = true
      } else fail(file, brokenLink(ref, slugs), 'link-broken', ref.place)
    }
    for (const id of file.data.citations ?? []) cited.add(id)
    checkHandout(file, owner, spoilerTerms)
    checkWikipediaShare(file, sources)
  }
  for (const id of sources.keys()) {
    const at = sourcePlaces.get(id)
    if (!cited.has(id) && at) warn(at.file, `Source \`${id}\` is never cited`, 'source-unused', at.place)
  }
}

/** A broken link in the author's words: its text, its target, and whether the chapter or only the section is missing. */
function brokenLink(ref: IdReference, slugs: Set<string>): string {
  const target = ref.written ?? `#${ref.id}`
  const link = ref.text ? `Link “${ref.text}” to \`${target}\`` : `Link to \`${target}\``
  const chapter = /^\d+-([a-z0-9-]+)\.md/.exec(target)?.[1]
  if (chapter !== undefined && !slugs.has(chapter)) return `${link} goes nowhere: no chapter file is named \`${target.split('#')[0]}\``
  const section = target.includes('#') ? target.slice(target.indexOf('#')) : target
  return `${link} goes nowhere: no heading or block has the id \`${section}\` (a heading's id is its text in lower case, words joined by hyphens)`
}

/** At most one citation in twenty may go to Wikipedia: a student should be able to check the original. */
export const maxWikipediaShare = 1 / 20

/** The share of a chapter's citations that go to Wikipedia, and the first of them. */
export function wikipediaShare(file: VFile, sources: ReadonlyMap<string, Source>) {
  const uses = file.data.citationUses ?? []
  const wiki = uses.filter((use) => { const s = sources.get(use.id); return s !== undefined && isWikipedia(s) })
  return { share: uses.length === 0 ? 0 : wiki.length / uses.length, wiki: wiki.length, all: uses.length, first: wiki[0] }
}

function checkWikipediaShare(file: VFile, sources: ReadonlyMap<string, Source>) {
  const { share, wiki, all, first } = wikipediaShare(file, sources)
  if (share <= maxWikipediaShare) return
  fail(file, `${wiki} of this chapter's ${all} citations go to Wikipedia (at most one in twenty may): cite the sources Wikipedia itself cites`, 'wikipedia-share', first?.place)
}

/** Each id's chapter; a slug or id defined twice is an error on the second. */
function definedIds(chapters: Chapter[]): Map<string, VFile> {
  const owner = new Map<string, VFile>()
  const slugs = new Map<string, VFile>()
  for (const { file } of chapters) {
    const slug = file.data.slug as string
    const first = slugs.get(slug)
    // The slug is the file's name: the message concerns the file as a whole.
    if (first) fail(file, `Two chapters have the slug \`${slug}\` (also \`${first.basename}\`): rename one`, 'duplicate-slug')
    slugs.set(slug, file)
    for (const id of file.data.ids ?? []) {
      const other = owner.get(id)
      if (other && other !== file) fail(file, `Id \`${id}\` is defined twice (also in \`${other.basename}\`)`, 'duplicate-id', file.data.idPlaces?.[id])
      if (!other) owner.set(id, file)
    }
  }
  return owner
}

/** A handout's key terms exist; a handout used before the work (`when: before`) gives nothing of the story away. */
function checkHandout(file: VFile, owner: Map<string, VFile>, spoilerTerms: Set<string>) {
  const handout = file.data.matter?.handout
  if (!handout) return
  const places = file.data.matterPlaces ?? {}
  handout.keyTerms.forEach((term, i) => {
    if (!owner.has(`term-${term}`)) fail(file, `Handout key term \`${term}\` is not defined in the glossary`, 'term-unknown', places[`handout.keyTerms.${i}`])
  })
  if (handout.when !== 'before') return
  const why = 'and cannot go into a handout used before the work (`when: before`)'
  if (file.data.matter?.spoilers === 'full') fail(file, 'A handout used before the work (`when: before`) cannot come from a chapter with `spoilers: full`', 'handout-spoiler', places['handout.when'] ?? places['handout.viewing'])
  for (const q of file.data.questions ?? []) {
    if (q.spoiler) fail(file, `Question ${q.number} stands in a spoiler block ${why}`, 'handout-spoiler', q.place)
  }
  for (const [i, activity] of (file.data.activities ?? []).entries()) {
    if (activity.spoiler) fail(file, `Activity ${i + 1} stands in a spoiler block ${why}`, 'handout-spoiler', activity.place)
  }
  handout.keyTerms.forEach((term, i) => {
    if (spoilerTerms.has(term)) fail(file, `Key term \`${term}\` has a definition that gives the story away ${why} (mark a safe definition \`spoilers="none"\`)`, 'handout-spoiler', places[`handout.keyTerms.${i}`])
  })
}
