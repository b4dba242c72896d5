// Every handout task that asks pupils to draw, log, map or tick something carries its template on the sheet:
// read from the guide's own handout records, as the handouts are printed from them.
import { describe, expect, it } from 'vitest'
import { handoutData } from '../src/output/handouts/data.js'
import { guideReference } from '../src/output/handouts/handouts.js'
import path from 'node:path'
import { loadLabels } from '../src/project/labels.js'
import { createTemplates } from '../src/render/templates.js'
import { matter, processChapter, processProject, root } from './helpers.js'

/** Words of a task that needs a template to work on: a grid, a log, a map, a frame to draw in. */
const needsTemplate = /\b(draw|sketch|storyboard|log|map|grid|checklist|fill (?:in|out)|tick|record)/i

describe('the guide’s handouts', () => {
  it('should carry a template (a table to fill in) with every drawing, logging or mapping task', async () => {
    const { labels, chapters } = await processProject(root, 'student')
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

describe('a handout from a chapter with an activity and no question', () => {
  it('should keep the activity on the sheet and print no empty "Questions" heading', async () => {
    const handout = 'handout:\n  viewing: after\n  keyPoints: [A point.]\n'
    const { file, tree } = await processChapter(`${matter(handout)}## Task\n\n:::activity{title="Freeze frame" minutes=10}\nIn groups, stage the scene as a still image.\n:::\n`)
    const labels = await loadLabels(path.join(root, 'templates'))
    const [data] = handoutData([{ file, tree }], labels)
    expect(data?.questions).toEqual([])
    expect(data?.activities).toEqual([expect.stringContaining('stage the scene as a still image')])
    const page = (await createTemplates(path.join(root, 'templates')).get('handouts.hbs'))({ labels, handouts: [{ ...data, viewingLabel: labels.afterViewing, guideReference: 'In the full guide' }], book: { title: 'Book', language: 'en' }, fonts: [], pageSize: 'A4', stylesheet: 'x.css', edition: 'student', editionLabel: 'Student edition', teacher: false })
    expect(page).toContain('stage the scene as a still image')
    expect(page).not.toContain(`<h2>${labels.questions}</h2>`)
    // With a question, the heading stands above it.
    const asked = await processChapter(`${matter(handout)}## Task\n\n::::question\nWhy?\n::::\n`)
    const [withQuestion] = handoutData([{ file: asked.file, tree: asked.tree }], labels)
    const questionPage = (await createTemplates(path.join(root, 'templates')).get('handouts.hbs'))({ labels, handouts: [{ ...withQuestion, viewingLabel: labels.afterViewing, guideReference: 'In the full guide', questions: withQuestion?.questions.map((q) => ({ ...q, firstLines: 2, restLines: 0 })) }], book: { title: 'Book', language: 'en' }, fonts: [], pageSize: 'A4', stylesheet: 'x.css', edition: 'student', editionLabel: 'Student edition', teacher: false })
    expect(questionPage).toContain(`<h2>${labels.questions}</h2>`)
  })
})

describe('a handout’s reference to the guide', () => {
  it('should say "page 7" for a chapter of one page, never "pages 7–7"', async () => {
    const labels = await loadLabels(path.join(root, 'templates'))
    const templates = createTemplates(path.join(root, 'templates'))
    const reference = (from: number, to: number) => guideReference(templates, labels, { edition: 'Student edition', chapter: 'Plot', from, to })
    expect(reference(7, 7)).toBe('In the full guide (student edition): “Plot”, page 7.')
    expect(reference(7, 9)).toBe('In the full guide (student edition): “Plot”, pages 7–9.')
  })
})
