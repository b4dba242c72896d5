// The bench's findings as Markdown (docs/BENCHMARK.md): the machine, every timing, the targets with a
// verdict, growth with book size, and where our PDF's time goes.
import type { Machine } from './machine.js'
import { bookName, fmt, median, rowOf, seconds, type SizeResult } from './results.js'
import { growthOf, growthPair, otherFigures, verdicts, type Verdict } from './targets.js'

/** Everything after this line of docs/BENCHMARK.md is written by hand, and kept when the bench rewrites the file. */
export const handWrittenMarker = '<!-- Below this line is written by hand; `npm run bench` keeps it when it rewrites the figures above. -->'

/** The hand-written part of an earlier report (from the marker on), or nothing. */
export function handWritten(previous: string): string {
  const at = previous.indexOf(handWrittenMarker)
  return at < 0 ? '' : previous.slice(at)
}

/** The whole report. */
export function reportMarkdown(machine: Machine, sizes: SizeResult[], loadAtEnd: number): string {
  const { small, large } = growthPair(sizes)
  return [
    '# Benchmark',
    '',
    `Written by \`npm run bench\` (scripts/bench/bench.ts) on ${machine.date} UTC. Medians of whole-process wall-clock times, as a user runs each command; the runs of each book alternate between the commands, so a change in the machine's load touches all of them alike. Compare ratios within one run, not figures across machines.`,
    '',
    machineLine(machine, loadAtEnd),
    '',
    '## Timings',
    '',
    ...timings(sizes),
    '',
    '## Against the targets',
    '',
    '| target | measured | verdict |',
    '| --- | --- | --- |',
    ...verdicts(sizes).map((v) => `| ${v.target} | ${v.measured} | ${verdictText(v)} |`),
    '',
    '## Other figures',
    '',
    'Reported beside the targets: the EPUB against pandoc on the generated books has no target; pages per second, time per page against the reference, peak memory and the guide’s whole build are judged against the print issue’s targets. The last rows are floors: work the build cannot skip, set against what the targets allow.',
    '',
    '| figure | measured | verdict |',
    '| --- | --- | --- |',
    ...otherFigures(sizes).map((v) => `| ${v.target} | ${v.measured} | ${verdictText(v)} |`),
    '',
    ...(small && large ? growthSection(small, large) : []),
    '## Where our PDF’s time goes',
    '',
    'Each step of our student PDF timed on its own, in one process with a warm machine (one run each; the build runs the steps back to back, so their sum is close to, not equal to, the PDF’s median above).',
    '',
    ...profile(sizes),
    '',
    '## How it was measured',
    '',
    ...method(sizes)
  ].join('\n')
}

function growthSection(small: SizeResult, large: SizeResult): string[] {
  return [
    `## Growth from ${small.chapters} to ${large.chapters} chapters`,
    '',
    '| run | time × | pages × | time per page × |',
    '| --- | ---: | ---: | ---: |',
    ...(['epub', 'web', 'pandoc', 'pdf', 'chromium', 'reference', 'all'] as const).map((key) => {
      const { time, pages } = growthOf(small, large, key)
      return `| ${rowOf(large, key)?.label ?? key} | ${fmt.x(time)} | ${fmt.x(pages)} | ${fmt.x(time / pages)} |`
    }),
    ''
  ]
}

function verdictText(v: Verdict): string {
  const word = v.holds !== undefined ? (v.holds ? 'holds' : '**fails**') : v.measured === '–' ? 'not measured' : 'reported'
  return v.detail ? `${word} (${v.detail})` : word
}

function machineLine(m: Machine, loadAtEnd: number): string {
  const gib = (m.memory / 2 ** 30).toFixed(1)
  return `Machine: ${m.cpus} cores (${m.cpu}), ${gib} GiB memory, ${m.os}; Node ${m.node}; ${m.chromium}; ${m.pandoc ?? 'pandoc not installed'}. One-minute load average when the run began: ${m.load.toFixed(2)}, when it ended: ${loadAtEnd.toFixed(2)} (other work on the machine slows every figure; a load near 0 is a quiet machine).`
}

function timings(sizes: SizeResult[]): string[] {
  const lines = ['| book | run | median | each run (s) | pages | pages/s | peak memory, PSS | peak memory, VmRSS sum |', '| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |']
  for (const size of sizes) {
    const book = `${bookName(size)}, ${fmt.n(size.words)} words, ${size.pages} pages`
    for (const row of size.rows) {
      const s = seconds(row)
      const rate = row.pages && row.times.length > 0 ? (row.pages / s).toFixed(1) : ''
      const each = row.times.length > 0 ? row.times.map((t) => (t / 1000).toFixed(2)).join(', ') : (row.note ?? '')
      lines.push(`| ${book} | ${row.label} | ${row.times.length > 0 ? fmt.s(s) : 'not available'} | ${each} | ${row.pages ?? ''} | ${rate} | ${fmt.mib(row.peakPss)} | ${fmt.mib(row.peakRss)} |`)
    }
  }
  return [...lines, '', 'Commands (with `<book>` the book’s project folder and `<tmp>` a fresh folder):', '', ...commands(sizes[0] as SizeResult)]
}

function commands(size: SizeResult): string[] {
  return size.rows.map((row) => `- ${row.label}: \`${row.command}\``)
}

function profile(sizes: SizeResult[]): string[] {
  if (sizes.every((s) => s.profile.length === 0)) return ['Not measured in this run (it takes a few minutes more: `npm run bench -- --profile`).']
  const steps = [...new Set(sizes.flatMap((s) => s.profile.map(([step]) => step)))]
  const head = `| step | ${sizes.map(bookName).join(' | ')} |`
  const rule = `| --- | ${sizes.map(() => '---:').join(' | ')} |`
  const rows = steps.map((step) => `| ${step} | ${sizes.map((s) => fmt.s((s.profile.find(([n]) => n === step)?.[1] ?? Number.NaN) / 1000)).join(' | ')} |`)
  const pdf = `| *our PDF, whole process (median above)* | ${sizes.map((s) => fmt.s(seconds(rowOf(s, 'pdf')))).join(' | ')} |`
  return [head, rule, ...rows, pdf]
}

function method(sizes: SizeResult[]): string[] {
  const generated = sizes.filter((s) => s.book === 'generated')
  const { small, large } = growthPair(sizes)
  const sample = generated[0]
  const perChapter = sample ? fmt.n(Math.round(sample.words / sample.chapters / 100) * 100) : '–'
  return [
    ...(sizes.some((s) => s.book === 'guide') ? ['- The guide is this project’s own book.yaml and chapters, copied into a scratch folder (so `dev`’s edits never touch the real chapters).'] : []),
    ...(generated.length > 0 ? [`- The generated books (scripts/bench/generate.ts, fixed seed): ${generated.map((s) => s.chapters).join(' and ')} chapters of about ${perChapter} words each, every paragraph cited, and every construct the guide uses (sections, sub-sections, footnotes, a table, a callout, a quotation, a spoiler, a definition and a term link, a question with its answer, an activity with its teacher note, a cross-reference, an image every tenth chapter, the bibliography).`] : []),
    `- Runs per command: ${sizes.map((s) => `${s.runs} for ${bookName(s)}${(rowOf(s, 'all')?.times.length ?? s.runs) < s.runs ? ` (the whole build ${rowOf(s, 'all')?.times.length})` : ''}`).join(', ')}; the table gives the median and every run.`,
    '- Time is wall clock from spawning the command to its exit. Peak memory is the highest sum of VmRSS over the process and all its descendants (Chromium’s helpers included), sampled from /proc every 50 ms, two ways: the sum of VmRSS (/proc/<pid>/status), which counts pages shared between processes (Chromium’s helpers share most of theirs) once per process and so overstates the tree, and the sum of PSS (/proc/<pid>/smaps_rollup), which divides shared pages among their sharers: what the tree really holds. The print issue’s memory target is judged on PSS.',
    '- Raw Chromium prints our finished print HTML (the build’s second-pass HTML, contents page numbers filled in, hyphenated, with the same stylesheet and fonts) in one pass, launch and exit included: the floor any Chromium-based PDF can reach.',
    '- The reference print: pandoc turns the same chapter files into its default standalone HTML once (`pandoc -s`, no stylesheet of ours, no contents numbers, tagging as Chromium does it), and raw Chromium prints that, launch and exit included: what a plain book costs the engine per page. Our PDF is judged on its time per page against it.',
    '- The web edition: the student EPUB and web site built together, against the EPUB alone; the difference is what the site adds.',
    '- `check` reads and processes the teacher edition (whose messages are the checks) and writes nothing, with the caches emptied as for a first build: Node’s start, module loading, citeproc and the Markdown pipeline, without a browser. A PDF build does all of it and more (it processes the student edition too) before its page is printed, so `check` over raw Chromium’s whole print is a floor under the PDF’s ratio. Likewise the EPUB’s first build less its rebuild is the work only a first build does (citeproc, Mermaid), set against pandoc’s whole run.',
    '- pandoc turns the same chapter files into an EPUB with its defaults (it neither resolves `:cite` nor knows the guide’s directives, and checks nothing): what a plain Markdown-to-EPUB converter costs.',
    '- `dev`: the bench starts `node lib/cli.js dev --root <book>` (on a free port when the command takes `--port`), waits until the page is served, then, per run, adds a question holding a new number to a middle chapter and polls the served page every 20 ms until the number shows (from the chapter written to the page served with it: the browser’s own reload and paint are not counted); the chapter is restored afterwards.',
    `- Pages per second is the PDF’s page count (pdfinfo) over the median time.${small && large ? ` Growth compares the median times of the ${large.chapters}- and ${small.chapters}-chapter books with their page counts (our student PDF).` : ''}`,
    `- Whole build: every default format of both editions; its pages are those of every PDF it writes (both editions, and the handouts). Medians: ${sizes.map((s) => `${bookName(s)} ${fmt.s(median(rowOf(s, 'all')?.times ?? []) / 1000)}`).join(', ')}.`
  ]
}
