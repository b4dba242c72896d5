// Every handout task that asks pupils to draw, log, map or tick something carries its template on the sheet:
// read from the guide's own handout records, as the handouts are printed from them.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { processBook } from '../src/book/book.js'
import { bookFile } from '../src/core/messages.js'
import { handoutData } from '../src/output/handouts/data.js'
import { readChapters } from '../src/project/chapters.js'
import { loadConfig } from '../src/project/config.js'
import { loadLabels } from '../src/project/labels.js'
import { loadSources } from '../src/project/sources.js'
import { root } from './helpers.js'

/** Words of a task that needs a template to work on: a grid, a log, a map, a frame to draw in. */
const needsTemplate = /\b(draw|sketch|storyboard|log|map|grid|checklist|fill (?:in|out)|tick|record)/i

describe('the guide’s handouts', () => {
  it('should carry a template (a table to fill in) with every drawing, logging or mapping task', async () => {
    const { config } = await loadConfig(root)
    if (!config) throw new Error('book.yaml is invalid')
    const labels = await loadLabels(config.templatesDir)
    const { sources } = await loadSources(config.sourcesDir)
    const files = await readChapters(config.chaptersDir, bookFile(config.chaptersDir))
    const chapters = (await processBook(files, { labels, sources, root: config.root, chaptersDir: config.chaptersDir }, ['student'])).get('student') ?? []
    const handouts = handoutData(chapters, labels)
    expect(handouts.length).toBeGreaterThanOrEqual(10)
    const missing: string[] = []
    let tasks = 0
    for (const handout of handouts) {
      for (const task of handout.activities) {
        if (!needsTemplate.test(task)) continue
        tasks++
        if (!task.includes('<table')) missing.push(`${handout.slug}: ${task.slice(0, 160)}`)
      }
    }
    // The guide sets several such tasks (storyboard, shot log, theme map, hot-seat checklist): the check is not empty.
    expect(tasks).toBeGreaterThanOrEqual(4)
    expect(missing).toEqual([])
  })
})
