// The feature expression language (src/config/expression) written out as
// portable SQL: the one place an analyst's expression becomes SQL. Every name
// is quoted, every number a double, and the two places where DuckDB and
// PostgreSQL differ are made to agree: a division is of doubles (PostgreSQL
// divides integers as integers) and by NULLIF(divisor, 0) (DuckDB gives
// Infinity where PostgreSQL fails), so x / 0 is missing on both.

import type {Expr} from "../../src/config/expression/syntax.js";
import {double, literal} from "../engine/dialect.js";
import {doubleLiteral, ident} from "../segment/segmentSql.js";

export interface ExpressionSqlOptions {
  /** A column as SQL; default: its quoted name. */
  column?: (name: string) => string;
  /** PREVIOUS(feature, quarters) as SQL (features computed from features only). */
  previous?: (name: string, quarters: number) => string;
}

export function expressionSql(expr: Expr, {column = ident, previous}: ExpressionSqlOptions = {}): string {
  const sql = (e: Expr): string => {
    switch (e.kind) {
      case "number":
        return doubleLiteral(e.value);
      case "string":
        return literal(e.value);
      case "boolean":
        return e.value ? "TRUE" : "FALSE";
      case "null":
        return "NULL";
      case "column":
        return column(e.name);
      case "negate":
        return `(- ${sql(e.arg)})`;
      case "not":
        return `(NOT ${sql(e.arg)})`;
      case "binary":
        if (e.op === "/") return `(CAST(${sql(e.left)} AS ${double}) / NULLIF(CAST(${sql(e.right)} AS ${double}), 0))`;
        return `(${sql(e.left)} ${e.op} ${sql(e.right)})`;
      case "isNull":
        return `(${sql(e.arg)} IS ${e.negated ? "NOT " : ""}NULL)`;
      case "in":
        return `(${sql(e.arg)} ${e.negated ? "NOT " : ""}IN (${e.values.map(sql).join(", ")}))`;
      case "case":
        return `(CASE ${e.whens.map((w) => `WHEN ${sql(w.when)} THEN ${sql(w.then)}`).join(" ")}${e.otherwise ? ` ELSE ${sql(e.otherwise)}` : ""} END)`;
      case "call": {
        if (e.name !== "PREVIOUS") return `${e.name}(${e.args.map(sql).join(", ")})`;
        const [feature, quarters] = e.args;
        if (!previous || feature.kind !== "column" || quarters.kind !== "number") throw new Error(`invalid expression: PREVIOUS outside a feature computed from features`);
        return previous(feature.name, quarters.value);
      }
    }
  };
  return sql(expr);
}
