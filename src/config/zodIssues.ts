// zod's issues, rewritten for analysts: one line per problem, naming the path,
// the offending value and what was expected.
//
// zod reports a failed union as "Invalid input" with every branch's issues.
// For the recursive `condition` union that is useless, so the branch whose keys
// match the input is chosen and its issues reported; when no branch fits, the
// message lists the shapes a condition may take.

import type {z} from "zod";
import {closest} from "./closest.js";
import type {ConfigIssue} from "./issue.js";
import {valueAt, type ConfigPath} from "./path.js";
import {gotExpected} from "./showValue.js";

type ZodIssue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;
// zod's definitions differ per type; only the fields read below matter here.
type Def = {type: string; [field: string]: any};

const def = (schema: Schema): Def => (schema as any)._zod.def;

/** Unwraps optional, lazy and similar wrappers down to the schema that decides the shape. */
export function unwrap(schema: Schema): Schema {
  for (let inner = unwrap1(schema); inner !== schema; inner = unwrap1(schema)) schema = inner;
  return schema;
}

function unwrap1(schema: Schema): Schema {
  const d = def(schema);
  if (d.type === "lazy") return (schema as any)._zod.innerType;
  if (["optional", "nullable", "default", "readonly", "catch", "prefault", "nonoptional"].includes(d.type)) return d.innerType;
  if (d.type === "pipe") return d.in;
  return schema;
}

function shapeOf(schema: Schema): Record<string, Schema> | undefined {
  const d = def(unwrap(schema));
  return d.type === "object" ? d.shape : undefined;
}

const isOptional = (schema: Schema) => (schema as any)._zod.optin === "optional";
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** The union branch whose keys best match an object, or undefined when none stands out. */
export function pickBranch(options: readonly Schema[], value: unknown): number | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  const scores = options.map((option) => {
    const shape = shapeOf(option);
    if (!shape) return undefined;
    const missing = Object.keys(shape).filter((k) => !(k in value) && !isOptional(shape[k]));
    // A typo of a missing key (opp for op) still says which branch was meant.
    const exact = keys.filter((k) => k in shape).length;
    const matched = keys.filter((k) => k in shape || closest(k, missing) !== undefined).length;
    return [matched, matched - keys.length, exact];
  });
  let best: number | undefined;
  let tied = false;
  scores.forEach((score, i) => {
    if (!score || score[0] === 0) return;
    if (best === undefined) return void (best = i);
    const order = compare(score, scores[best]!);
    if (order > 0) (best = i), (tied = false);
    else if (order === 0) tied = true;
  });
  return tied ? undefined : best;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; ++i) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** The schema that validates the value at `path`, following the input through unions (still wrapped). */
export function schemaAt(root: Schema, path: ConfigPath, input: unknown): Schema | undefined {
  let schema: Schema | undefined = root;
  for (let i = 0; i < path.length && schema; ++i) schema = child(schema, path[i], valueAt(input, path.slice(0, i)));
  return schema;
}

/** The first title given with .meta() on a schema or the wrappers around it. */
function titleOf(schema: Schema): string | undefined {
  for (;;) {
    const title = ((schema as any).meta?.() as {title?: string} | undefined)?.title;
    if (title) return title;
    const inner = unwrap1(schema);
    if (inner === schema) return undefined;
    schema = inner;
  }
}

function child(schema: Schema, segment: string | number, value: unknown): Schema | undefined {
  const s = unwrap(schema);
  const d = def(s);
  switch (d.type) {
    case "object":
      return d.shape[segment];
    case "array":
      return d.element;
    case "record":
      return d.valueType;
    case "tuple":
      return typeof segment === "number" ? d.items[segment] : undefined;
    case "union": {
      const branch = pickBranch(d.options, value);
      return branch === undefined ? undefined : child(d.options[branch], segment, value);
    }
  }
  return undefined;
}

/** The keys allowed where an unknown key was found: in the branch meant, and in any branch of a union. */
function knownKeys(schema: Schema | undefined, value: unknown): {known: string[]; everywhere: string[]} {
  if (!schema) return {known: [], everywhere: []};
  const d = def(unwrap(schema));
  if (d.type !== "union") {
    const known = Object.keys(shapeOf(schema) ?? {});
    return {known, everywhere: known};
  }
  const branch = pickBranch(d.options, value);
  const everywhere = [...new Set(d.options.flatMap((option: Schema) => Object.keys(shapeOf(option) ?? {})))] as string[];
  return {known: branch === undefined ? everywhere : Object.keys(shapeOf(d.options[branch]) ?? {}), everywhere};
}

/** "{feature, op, value} | {feature, in} | …" or "a number | a string". */
export function describeUnion(schema: Schema, branchIssues?: ZodIssue[][]): string {
  const title = titleOf(schema);
  const options: Schema[] = def(unwrap(schema)).options;
  const shapes = options.map((option, i) => {
    const shape = shapeOf(option);
    if (shape) {
      const keys = Object.keys(shape);
      const required = keys.filter((k) => !isOptional(shape[k]));
      return `{${required.join(", ")}${required.length < keys.length ? ", …" : ""}}`;
    }
    const rootIssue = branchIssues?.[i]?.find((issue) => issue.path.length === 0 && issue.code === "invalid_type");
    return article(rootIssue && "expected" in rootIssue ? String(rootIssue.expected) : def(unwrap(option)).type);
  });
  return `${title ? `${article(title)}: ` : ""}${shapes.join(" | ")}`;
}

function article(noun: string): string {
  if (noun === "int") noun = "integer";
  return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}

/** Rewrites zod issues (paths relative to `input`) as configuration issues. */
export function fromZodIssues(issues: readonly ZodIssue[], {schema, input, prefix = []}: {schema: Schema; input: unknown; prefix?: ConfigPath}): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    const value = valueAt(input, path);
    // YAML's .nan and .inf are numbers to the parser, never to the configuration.
    if (typeof value === "number" && !Number.isFinite(value) && (issue.code === "invalid_type" || issue.code === "invalid_union")) {
      out.push({path, message: gotExpected(value, "a finite number")});
      continue;
    }
    switch (issue.code) {
      case "invalid_union": {
        const union = schemaAt(schema, path, input);
        const options: Schema[] | undefined = union && def(unwrap(union)).type === "union" ? def(unwrap(union)).options : undefined;
        const branch = options ? pickBranch(options, value) : undefined;
        if (branch !== undefined && issue.errors[branch]) out.push(...fromZodIssues(issue.errors[branch], {schema, input, prefix: path}));
        else out.push({path, message: gotExpected(value, union && options ? describeUnion(union, issue.errors) : "a valid value")});
        break;
      }
      case "unrecognized_keys": {
        const {known, everywhere} = knownKeys(schemaAt(schema, path, input), value);
        for (const key of issue.keys) {
          const suggestion = closest(key, known) ?? closest(key, everywhere);
          const hint = suggestion ? `did you mean ${suggestion}?` : known.length ? `expected one of ${known.join(", ")}` : "no keys are allowed here";
          out.push({path: [...path, key], message: `unknown key; ${hint}`, at: "key", ...(suggestion && {suggestion})});
        }
        break;
      }
      default:
        out.push({path, message: describeIssue(issue, value)});
    }
  }
  return out;
}

function describeIssue(issue: ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return gotExpected(value, article(issue.expected === "int" && typeof value === "number" ? "whole number" : issue.expected));
    case "invalid_value":
      return gotExpected(value, issue.values.length === 1 ? String(issue.values[0]) : `one of ${issue.values.map(String).join(", ")}`);
    case "too_small":
      return gotExpected(value, bound(issue.origin, issue.inclusive ? "at least" : "more than", issue.minimum));
    case "too_big":
      return gotExpected(value, bound(issue.origin, issue.inclusive ? "at most" : "less than", issue.maximum));
    case "invalid_format":
      return gotExpected(value, issue.message && !issue.message.startsWith("Invalid") ? issue.message : issue.format === "regex" && "pattern" in issue ? `a string matching ${issue.pattern}` : `a ${issue.format}`);
    case "not_multiple_of":
      return gotExpected(value, `a multiple of ${issue.divisor}`);
    default:
      return issue.message;
  }
}

function bound(origin: string, relation: string, limit: number | bigint): string {
  const n = Number(limit);
  if (origin === "array" || origin === "set") return `${relation} ${n} item${n === 1 ? "" : "s"}`;
  if (origin === "string") return n === 1 && relation === "at least" ? "a non-empty string" : `${relation} ${n} character${n === 1 ? "" : "s"}`;
  return `a number ${relation} ${n}`;
}
