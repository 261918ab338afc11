import type {Condition} from "../../config/schema.js";

/** The ids of every classification a condition refers to, in order of appearance. */
export function classificationReferences(condition: Condition): string[] {
  const out: string[] = [];
  (function visit(c: Condition) {
    if ("all" in c) c.all.forEach(visit);
    else if ("any" in c) c.any.forEach(visit);
    else if ("not" in c) visit(c.not);
    else if ("classification" in c) out.push(c.classification);
  })(condition);
  return out;
}

export function referenceError(id: string): Error {
  return new Error(`invalid classification reference: ${id}`);
}
