// A reference to a figure in another chapter (`:ref[id]`) prints the figure's number, which only the whole book
// knows: the build numbers it once, and the live preview again whenever another chapter changes that number.
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDevSession } from '../src/dev/session.js'
import { copyToTemp, root } from './helpers.js'

const matter = (title: string) => `---\ntitle: ${title}\ndescription: A chapter of the figure-reference test.\nspoilers: none\n---\n\n`
const figure = (id: string) => `::figure[The three parts of the story :cite[film]]{data="years" #${id}}\n\n`
const first = (figures: string[]) => `${matter('Figures')}## Parts\n\nThe story has three parts :cite[film].\n\n${figures.map(figure).join('')}`
const later = `${matter('Later')}## Looking back\n\nThe parts are drawn in :ref[fig-b] :cite[film,review].\n\n::sources\n`

let project: string

beforeAll(async () => {
  project = await copyToTemp(path.join(root, 'test/fixtures/book-figures'), 'nlmg-figure-refs-')
  await rm(path.join(project, 'chapters/01-diagram.md'))
  await rm(path.join(project, 'chapters/02-sources.md'))
  await writeFile(path.join(project, 'chapters/01-figures.md'), first(['fig-a', 'fig-b']))
  await writeFile(path.join(project, 'chapters/02-later.md'), later)
})
afterAll(async () => {
  await rm(project, { recursive: true, force: true })
})

describe('figure references', () => {
  it('should print the number of a figure in another chapter, and in the live preview renumber it when that chapter changes', async () => {
    const session = createDevSession({ root: project, edition: 'student' })
    const page = async () => {
      const result = await session.rebuild()
      expect(result.report).toBe('')
      return String(await result.site.get('later.html')?.())
    }
    expect(await page()).toMatch(/<a href="figures\.html#fig-b" class="figure-ref">Figure 1\.2<\/a>/)
    // The first figure goes: the second becomes Figure 1.1, though the chapter that refers to it was not saved.
    await writeFile(path.join(project, 'chapters/01-figures.md'), first(['fig-b']))
    const renumbered = await page()
    expect(renumbered).toMatch(/class="figure-ref">Figure 1\.1<\/a>/)
    expect(renumbered).not.toContain('Figure 1.2')
    expect(await readFile(path.join(project, 'chapters/02-later.md'), 'utf8')).toBe(later)
  })
})
