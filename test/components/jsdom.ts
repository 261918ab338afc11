// A fresh jsdom document per test, and SVG markup split one element per line
// so that snapshot diffs point at the element that changed.
import {JSDOM} from "jsdom";

export function newDocument(): Document {
  return new JSDOM("<!DOCTYPE html><html><body></body></html>").window.document;
}

export function prettyMarkup(element: Element): string {
  return element.outerHTML.replace(/></g, ">\n<") + "\n";
}

export class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}
