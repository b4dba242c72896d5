// Small builders for mdast nodes the plugins add (labels, captions), so each plugin reads as what it means.
import type { Paragraph, PhrasingContent, Text } from 'mdast'

/** A text node. */
export function text(value: string): Text {
  return { type: 'text', value }
}

/** A paragraph rendered with the given class names (and optionally another element name). */
export function paragraph(children: PhrasingContent[], className: string[], hName?: string): Paragraph {
  return { type: 'paragraph', children, data: { hName, hProperties: { className } } }
}

/** The label a block opens with ("Question 3", "Spoiler warning: …"). */
export function blockLabel(label: string, detail?: string): Paragraph {
  const children: PhrasingContent[] = [{ type: 'strong', children: [text(label)] }]
  if (detail) children.push(text(`: ${detail}`))
  return paragraph(children, ['block-label'])
}
