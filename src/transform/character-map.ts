// A character map is laid out by Mermaid (its flowchart places boxes and labelled lines far better than a fixed
// circle): the data file becomes a flowchart's source, drawn like any diagram the author writes. Each kind of
// bond has its own line, so the picture reads in grayscale, and each line says in words what it is.
import type { FigureData } from '../project/figure-data.js'

type CharacterMap = Extract<FigureData, { kind: 'characters' }>

/** The line of each kind of bond: solid, thick, dotted, an arrow, a dotted arrow. */
const lines: Record<CharacterMap['bonds'][number]['kind'], string> = {
  friends: '---',
  couple: '===',
  guardian: '-.-',
  carer: '-->',
  other: '-.->'
}

/** The Mermaid flowchart of `map`, titled `title`, described by its alternative text. */
export function characterMapSource(map: CharacterMap, title: string): string {
  const grouped = new Set(map.groups.flatMap((g) => g.members))
  const person = (id: string) => {
    const p = map.people.find((q) => q.id === id)
    return p ? `  ${id}["\`**${quoted(p.name)}**\n${quoted(p.role)}\`"]` : ''
  }
  return [
    'flowchart TB',
    `  accTitle: ${oneLine(title)}`,
    `  accDescr: ${oneLine(map.alt)}`,
    ...map.groups.flatMap((g) => [`  subgraph ${g.id}["${quoted(g.name)}"]`, '    direction LR', ...g.members.map((id) => `  ${person(id)}`), '  end']),
    ...map.people.filter((p) => !grouped.has(p.id)).map((p) => person(p.id)),
    ...map.bonds.map((b) => `  ${b.from} ${lines[b.kind]}|"${quoted(b.label)}"| ${b.to}`)
  ].join('\n')
}

/** Text inside a quoted Mermaid label: its own quotation marks as Mermaid's entity. */
function quoted(value: string): string {
  return value.replaceAll('"', '#quot;')
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}
