// Class tests on hast elements, which keep `className` as a list.
import type { Element } from 'hast'

/** Whether `node` carries the class `name`. */
export function hasClass(node: Element, name: string): boolean {
  const className = node.properties.className
  return Array.isArray(className) && className.includes(name)
}
