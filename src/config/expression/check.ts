// The type check of the feature expression language: which columns exist and
// what each operator accepts. It runs when the configuration loads, so an
// unknown column or a sum of text stops the load with the file, line and path,
// before any SQL is written.
//
// Types: a number, text (free text: a column of type string), a code (an enum
// column or a text literal), a yes/no flag, or NULL (fits any). Text and codes
// compare with each other; a code stays a code through CASE and COALESCE only
// when every branch is one, so that free text can never become a feature's
// value (it may name a client; see docs/configuration.md).

import {closest} from "../closest.js";
import {ExpressionError, parseExpression, type Expr} from "./syntax.js";

export type ValueKind = "number" | "text" | "code" | "boolean" | "null";
/** What a column holds, as expressions see it; "unusable" columns exist but may not be read (dates, direct identifiers). */
export type ColumnKind = Exclude<ValueKind, "null"> | {unusable: string};

export interface ExpressionScope {
  /** The columns an expression may name. */
  columns: Readonly<Record<string, ColumnKind>>;
  /** Where they come from, for messages: "clients", "the features of a retail client-quarter". */
  source: string;
  /** Whether PREVIOUS(feature, n) may be used (features computed from other features). */
  previous?: boolean;
}

export interface ExpressionProblem {
  message: string;
  at: number;
}

const noun: Record<ValueKind, string> = {number: "a number", text: "free text", code: "a code", boolean: "a yes/no value", null: "NULL"};

/** The expression's type, or every problem in it. */
export function checkExpression(text: string, scope: ExpressionScope): {expr?: Expr; kind?: ValueKind; problems: ExpressionProblem[]} {
  let expr: Expr;
  try {
    expr = parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) return {problems: [{message: error.message, at: error.at}]};
    throw error;
  }
  const problems: ExpressionProblem[] = [];
  const kind = typeOf(expr, scope, problems);
  return problems.length ? {expr, problems} : {expr, kind: kind ?? "null", problems};
}

/** The columns an expression reads, in order of appearance (PREVIOUS's argument included). */
export function expressionColumns(expr: Expr): string[] {
  switch (expr.kind) {
    case "column":
      return [expr.name];
    case "negate":
    case "not":
    case "isNull":
      return expressionColumns(expr.arg);
    case "binary":
      return [...expressionColumns(expr.left), ...expressionColumns(expr.right)];
    case "in":
      return [...expressionColumns(expr.arg), ...expr.values.flatMap(expressionColumns)];
    case "case":
      return [...expr.whens.flatMap((w) => [...expressionColumns(w.when), ...expressionColumns(w.then)]), ...(expr.otherwise ? expressionColumns(expr.otherwise) : [])];
    case "call":
      return expr.args.flatMap(expressionColumns);
    default:
      return [];
  }
}

const textual = (k: ValueKind) => k === "text" || k === "code";

/** Two kinds that can meet in a comparison, CASE or COALESCE, joined; undefined when they cannot. */
function join(a: ValueKind, b: ValueKind): ValueKind | undefined {
  if (a === "null") return b;
  if (b === "null" || a === b) return a;
  if (textual(a) && textual(b)) return "text";
  return undefined;
}

/** undefined: a problem was reported below (no cascade of messages). */
function typeOf(expr: Expr, scope: ExpressionScope, problems: ExpressionProblem[]): ValueKind | undefined {
  const problem = (message: string, at: number = expr.at): undefined => void problems.push({message, at});
  const sub = (e: Expr) => typeOf(e, scope, problems);
  const want = (e: Expr, wanted: ValueKind, what: string) => {
    const k = sub(e);
    if (k !== undefined && k !== wanted && k !== "null") problem(`${what} needs ${noun[wanted]}; this is ${noun[k]}`, e.at);
  };
  switch (expr.kind) {
    case "number":
      return Number.isFinite(expr.value) ? "number" : problem(`${expr.value} is not a finite number`);
    case "string":
      return "code";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "column": {
      const kind = Object.hasOwn(scope.columns, expr.name) ? scope.columns[expr.name] : undefined;
      if (kind === undefined) {
        const usable = Object.keys(scope.columns).filter((c) => typeof scope.columns[c] === "string");
        const near = closest(expr.name, usable);
        return problem(`unknown column ${expr.name} of ${scope.source}; ${near ? `did you mean ${near}?` : `the columns are ${usable.join(", ")}`}`);
      }
      if (typeof kind === "object") return problem(`${expr.name} cannot be read here: ${kind.unusable}`);
      return kind;
    }
    case "negate":
      want(expr.arg, "number", "-");
      return "number";
    case "not":
      want(expr.arg, "boolean", "NOT");
      return "boolean";
    case "isNull":
      sub(expr.arg);
      return "boolean";
    case "binary": {
      const {op} = expr;
      if (op === "AND" || op === "OR") {
        want(expr.left, "boolean", op);
        want(expr.right, "boolean", op);
        return "boolean";
      }
      if (op === "+" || op === "-" || op === "*" || op === "/") {
        want(expr.left, "number", op);
        want(expr.right, "number", op);
        return "number";
      }
      const [a, b] = [sub(expr.left), sub(expr.right)];
      if (a === undefined || b === undefined) return "boolean";
      if (join(a, b) === undefined) return problem(`${op} compares like with like; this compares ${noun[a]} with ${noun[b]}`);
      if (a === "boolean" && op !== "=" && op !== "<>") return problem(`${op} does not order yes/no values; use = or <>`);
      return "boolean";
    }
    case "in": {
      const a = sub(expr.arg);
      for (const v of expr.values) {
        if (!["number", "string", "boolean"].includes(v.kind)) problem("IN lists literal values only", v.at);
        else if (a !== undefined && join(a, sub(v)!) === undefined) problem(`IN compares like with like; ${noun[a]} with ${noun[sub(v)!]}`, v.at);
      }
      return "boolean";
    }
    case "case": {
      let result: ValueKind | undefined = "null";
      for (const {when, then} of expr.whens) {
        want(when, "boolean", "WHEN");
        const k = sub(then);
        if (k === undefined || result === undefined) result = undefined;
        else if ((result = join(result, k)) === undefined) return problem(`every THEN and ELSE of a CASE has one type; ${noun[k]} differs`, then.at);
      }
      if (expr.otherwise) {
        const k = sub(expr.otherwise);
        if (k !== undefined && result !== undefined && (result = join(result, k)) === undefined) return problem(`every THEN and ELSE of a CASE has one type; ${noun[k]} differs`, expr.otherwise.at);
      }
      return result;
    }
    case "call":
      return callType(expr, scope, sub, problem);
  }
}

function callType(
  expr: Extract<Expr, {kind: "call"}>,
  scope: ExpressionScope,
  sub: (e: Expr) => ValueKind | undefined,
  problem: (message: string, at?: number) => undefined
): ValueKind | undefined {
  const {name, args} = expr;
  const arity = (min: number, max = min) => {
    if (args.length < min || args.length > max) return problem(`${name} takes ${min === max ? min : `${min} to ${max === Infinity ? "any number of" : max}`} argument${max === 1 ? "" : "s"}`), false;
    return true;
  };
  switch (name) {
    case "ABS":
      if (!arity(1)) return "number";
      if (![undefined, "number", "null"].includes(sub(args[0]))) problem("ABS needs a number", args[0].at);
      return "number";
    case "LEAST":
    case "GREATEST":
      if (!arity(2, Infinity)) return "number";
      for (const a of args) if (![undefined, "number", "null"].includes(sub(a))) problem(`${name} needs numbers`, a.at);
      return "number";
    case "COALESCE":
    case "NULLIF": {
      if (!(name === "NULLIF" ? arity(2) : arity(2, Infinity))) return undefined;
      let result: ValueKind | undefined = "null";
      for (const a of args) {
        const k = sub(a);
        if (k === undefined || result === undefined) result = undefined;
        else if ((result = join(result, k)) === undefined) return problem(`the arguments of ${name} have one type; ${noun[k]} differs`, a.at);
      }
      return name === "NULLIF" && result !== undefined ? sub(args[0]) : result;
    }
    case "PREVIOUS": {
      if (!scope.previous) return problem("PREVIOUS reads an earlier quarter of a feature: only features computed from other features (from: features) may use it");
      if (!arity(2)) return undefined;
      const [column, lag] = args;
      if (column.kind !== "column") return problem("PREVIOUS takes a feature name first", column.at);
      if (lag.kind !== "number" || !Number.isInteger(lag.value) || lag.value < 1) return problem("PREVIOUS takes a whole number of quarters ≥ 1 second", lag.at);
      return sub(column);
    }
  }
}
