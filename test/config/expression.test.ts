// The feature expression language: what it parses, how it types, what SQL it
// becomes. The engines run that SQL in test/features/ownFeatures.test.ts.

import {describe, expect, it} from "vitest";
import {checkExpression, expressionColumns, type ExpressionScope} from "../../src/config/expression/check.js";
import {parseExpression} from "../../src/config/expression/syntax.js";
import {featureCatalogue, featureNames} from "../../src/config/features.js";
import {expressionSql} from "../../loaders/features/expressionSql.js";

const scope: ExpressionScope = {
  columns: {amount: "number", term_months: "number", product: "code", note: "text", flag: "boolean", client_id: {unusable: "it is a direct identifier"}},
  source: "deposits",
};
const kind = (text: string) => checkExpression(text, scope);

describe("the feature expression language", () => {
  it("parses with SQL's precedence: NOT over AND over OR, * over +, comparisons between", () => {
    expect(expressionSql(parseExpression("amount + term_months * 2 > 10 AND NOT flag OR product = 'time'"))).toBe(
      `(((("amount" + ("term_months" * CAST('2' AS DOUBLE PRECISION))) > CAST('10' AS DOUBLE PRECISION)) AND (NOT "flag")) OR ("product" = 'time'))`
    );
    expect(expressionSql(parseExpression("CASE WHEN product IN ('demand', 'time') THEN amount ELSE -1 END"))).toBe(
      `(CASE WHEN ("product" IN ('demand', 'time')) THEN "amount" ELSE CAST('-1' AS DOUBLE PRECISION) END)`
    );
  });

  it("divides as doubles and makes a division by zero missing on every engine", () => {
    expect(expressionSql(parseExpression("amount / term_months"))).toBe(`(CAST("amount" AS DOUBLE PRECISION) / NULLIF(CAST("term_months" AS DOUBLE PRECISION), 0))`);
  });

  it("reads keywords in any case, != as <>, and doubled quotes in text", () => {
    expect(expressionSql(parseExpression("note is not null and note != 'O''Brien'"))).toBe(`(("note" IS NOT NULL) AND ("note" <> 'O''Brien'))`);
  });

  it("types what it reads: numbers, codes, free text, flags", () => {
    expect(kind("amount * 0.015").kind).toBe("number");
    expect(kind("CASE WHEN amount > 0 THEN 'big' ELSE 'small' END").kind).toBe("code");
    expect(kind("COALESCE(product, note)").kind).toBe("text");
    expect(kind("product IN ('time') AND flag").kind).toBe("boolean");
  });

  it("names the offending place: unknown columns (with a suggestion), wrong types, unusable columns, syntax", () => {
    expect(kind("amont").problems).toEqual([{message: "unknown column amont of deposits; did you mean amount?", at: 0}]);
    expect(kind("amount + note").problems).toEqual([{message: "+ needs a number; this is free text", at: 9}]);
    expect(kind("product > 3").problems).toEqual([{message: "> compares like with like; this compares a code with a number", at: 8}]);
    expect(kind("client_id").problems[0].message).toBe("client_id cannot be read here: it is a direct identifier");
    expect(kind("amount +").problems).toEqual([{message: 'the end where a value, a column or ( was expected', at: 8}]);
    expect(kind("SUM(amount)").problems[0].message).toMatch(/^unknown function SUM; the functions are COALESCE/);
    expect(kind("'open").problems[0].message).toBe("a text literal without its closing quote");
    expect(kind("PREVIOUS(amount, 1)").problems[0].message).toMatch(/^PREVIOUS reads an earlier quarter/);
    expect(checkExpression("PREVIOUS(amount, 0)", {...scope, previous: true}).problems[0].message).toMatch(/whole number of quarters/);
  });

  it("lists the columns an expression reads", () => {
    expect(expressionColumns(parseExpression("CASE WHEN product = 'x' THEN amount ELSE COALESCE(term_months, amount) END"))).toEqual(["product", "amount", "term_months", "amount"]);
  });
});

describe("featureCatalogue(config)", () => {
  it("adds the configuration's own features to the built-in ones, typed by their units", () => {
    const catalogue = featureCatalogue({
      features: [
        {id: "credit_limit", label: {zh: "信用额度", en: "Credit limit"}, appliesTo: "retail", unit: "money", from: "clients"},
        {id: "is_revolver", label: {zh: "循环户", en: "Revolver"}, appliesTo: "retail", unit: "flag", from: "card"},
        {id: "band", label: {zh: "档", en: "Band"}, appliesTo: "corporate", unit: "code", from: "x"},
      ],
    });
    expect(catalogue.credit_limit).toEqual({zh: "信用额度", en: "Credit limit", unit: "money", type: "number", of: ["retail"], own: true});
    expect([catalogue.is_revolver.type, catalogue.band.type, catalogue.band.of]).toEqual(["boolean", "text", ["corporate"]]);
    expect(Object.keys(catalogue).slice(0, Object.keys(featureNames).length)).toEqual(Object.keys(featureNames));
  });

  it("never lets an own feature replace a built-in one, and skips entries the schema will refuse", () => {
    const catalogue = featureCatalogue({
      features: [
        {id: "frequency", label: {zh: "x", en: "x"}, appliesTo: "retail", unit: "flag"},
        {id: "no_unit", label: {zh: "x", en: "x"}, appliesTo: "retail"},
        {id: "no_type", label: {zh: "x", en: "x"}, appliesTo: "both", unit: "count"},
        "junk",
      ],
    });
    expect(catalogue.frequency).toBe(featureNames.frequency);
    expect(Object.keys(catalogue)).toEqual(Object.keys(featureNames));
  });
});
