// Where a configuration path sits in the YAML text, as line:column (1-based).

import {isAlias, isCollection, isMap, isScalar, isSeq, type Document, type LineCounter, type Node} from "yaml";
import type {ConfigPath} from "../../src/config/path.js";

export interface Position {
  line: number;
  column: number;
}

export function positionOf(doc: Document, lineCounter: LineCounter, path: ConfigPath, {at}: {at?: "key"} = {}): Position | undefined {
  let node: unknown = doc.contents;
  let key: Node | undefined; // the key that led to `node`, when it was reached through a map
  let found = 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
      if (!pair) break;
      key = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
      key = undefined;
      node = node.items[segment];
    } else break;
    ++found;
  }
  let target: unknown;
  if (found === path.length) target = at === "key" && key ? key : hasRange(node) ? node : key;
  // A missing field: point at its parent, by its key when it has one.
  else target = isCollection(node) && node.flow ? node : key ?? node;
  if (!hasRange(target)) return undefined;
  const {line, col} = lineCounter.linePos(target.range[0]);
  return {line, column: col};
}

function hasRange(node: unknown): node is {range: [number, number, number]} {
  return node != null && typeof node === "object" && Array.isArray((node as {range?: unknown}).range);
}
