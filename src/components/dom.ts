// Small DOM helpers that take the document explicitly, so components render
// in the browser and under jsdom in tests alike (htl uses the global document).

export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  attributes: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

export const svgNamespace = "http://www.w3.org/2000/svg";

export function s(
  document: Document,
  tag: string,
  attributes: Record<string, string | number | null | undefined> = {},
  ...children: Child[]
): SVGElement {
  const element = document.createElementNS(svgNamespace, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null) continue;
    element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element: Element, children: Child[]) {
  for (const child of children) {
    if (child == null || child === false) continue;
    element.append(typeof child === "number" ? String(child) : child);
  }
}

/**
 * A rough width of a label in pixels at Plot's 10px font, to size margins
 * without measuring (there is no layout under jsdom). CJK glyphs are full-width.
 */
export function estimateTextWidth(text: string, fontSize = 10): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? fontSize : fontSize * 0.6;
  return Math.ceil(width);
}
