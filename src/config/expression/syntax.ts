// The expression language of analysts' own features: a small, portable subset
// of SQL that DuckDB and PostgreSQL-protocol warehouses read alike. It is
// parsed here, type-checked against the source table's columns (check.ts) and
// written back out as SQL by one generator (loaders/features/expressionSql.ts),
// so nothing the analyst types reaches the engine unparsed.
//
//   credit_limit                                   a column
//   purchases - payments                           + - * / on numbers
//   CASE WHEN product = 'time' THEN avg_daily_balance * 0.015 ELSE 0 END
//   direction = 'in' AND client_initiated          = <> != < <= > >= AND OR NOT
//   product IN ('demand', 'time'), x IS NOT NULL    lists of literals, NULL tests
//   COALESCE(a, 0), NULLIF(a, 0), ABS(a), LEAST(a, b), GREATEST(a, b)
//   avg_daily_aum - PREVIOUS(avg_daily_aum, 4)     (features from other features only)

/** Character offset in the expression text (0-based). */
export type At = number;

export type BinaryOp = "+" | "-" | "*" | "/" | "=" | "<>" | "<" | "<=" | ">" | ">=" | "AND" | "OR";

export const functions = ["COALESCE", "NULLIF", "ABS", "LEAST", "GREATEST", "PREVIOUS"] as const;
export type FunctionName = (typeof functions)[number];

export type Expr =
  | {kind: "number"; value: number; at: At}
  | {kind: "string"; value: string; at: At}
  | {kind: "boolean"; value: boolean; at: At}
  | {kind: "null"; at: At}
  | {kind: "column"; name: string; at: At}
  | {kind: "negate"; arg: Expr; at: At}
  | {kind: "not"; arg: Expr; at: At}
  | {kind: "binary"; op: BinaryOp; left: Expr; right: Expr; at: At}
  | {kind: "isNull"; negated: boolean; arg: Expr; at: At}
  | {kind: "in"; negated: boolean; arg: Expr; values: Expr[]; at: At}
  | {kind: "case"; whens: {when: Expr; then: Expr}[]; otherwise?: Expr; at: At}
  | {kind: "call"; name: FunctionName; args: Expr[]; at: At};

export class ExpressionError extends Error {
  override readonly name = "ExpressionError";
  constructor(
    message: string,
    readonly at: At
  ) {
    super(message);
  }
}

type Token = {kind: "number" | "string" | "word" | "symbol" | "end"; text: string; at: At};

const symbols = ["<=", ">=", "<>", "!=", "(", ")", ",", "+", "-", "*", "/", "=", "<", ">"];
const keywords = new Set(["AND", "OR", "NOT", "IS", "NULL", "IN", "CASE", "WHEN", "THEN", "ELSE", "END", "TRUE", "FALSE"]);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      ++i;
      continue;
    }
    const start = i;
    if (/[0-9.]/.test(ch)) {
      const match = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!match) throw new ExpressionError(`unexpected "${ch}"`, i);
      tokens.push({kind: "number", text: match[0], at: start});
      i += match[0].length;
    } else if (ch === "'") {
      let value = "";
      for (++i; ; ++i) {
        if (i >= text.length) throw new ExpressionError("a text literal without its closing quote", start);
        if (text[i] === "'" && text[i + 1] === "'") (value += "'"), ++i;
        else if (text[i] === "'") break;
        else value += text[i];
      }
      ++i;
      tokens.push({kind: "string", text: value, at: start});
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))![0];
      tokens.push({kind: "word", text: word, at: start});
      i += word.length;
    } else if (ch === '"') {
      throw new ExpressionError('quoted names ("x"): write column names bare, in lower case', i);
    } else {
      const symbol = symbols.find((s) => text.startsWith(s, i));
      if (!symbol) throw new ExpressionError(`unexpected "${ch}"`, i);
      tokens.push({kind: "symbol", text: symbol === "!=" ? "<>" : symbol, at: start});
      i += symbol.length;
    }
  }
  tokens.push({kind: "end", text: "", at: text.length});
  return tokens;
}

/** Parses one expression; throws ExpressionError with the offending character's offset. */
export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isKeyword = (word: string, t: Token = peek()) => t.kind === "word" && t.text.toUpperCase() === word;
  const isSymbol = (symbol: string, t: Token = peek()) => t.kind === "symbol" && t.text === symbol;
  const shown = (t: Token) => (t.kind === "end" ? "the end" : t.kind === "string" ? `'${t.text}'` : `"${t.text}"`);
  const expect = (what: string, ok: boolean) => {
    if (!ok) throw new ExpressionError(`${shown(peek())} where ${what} was expected`, peek().at);
    return tokens[pos++];
  };
  const keyword = (word: string) => expect(word, isKeyword(word));
  const symbol = (s: string) => expect(`"${s}"`, isSymbol(s));

  // One level of left-associative binary operators: `operand (op operand)*`.
  const chain = (ops: readonly string[], operand: () => Expr) => (): Expr => {
    let left = operand();
    for (let t = peek(); ops.includes(t.kind === "word" ? t.text.toUpperCase() : t.kind === "symbol" ? t.text : ""); t = peek()) {
      ++pos;
      left = {kind: "binary", op: (t.kind === "word" ? t.text.toUpperCase() : t.text) as BinaryOp, left, right: operand(), at: t.at};
    }
    return left;
  };
  const or = (): Expr => chain(["OR"], and)();
  const and = (): Expr => chain(["AND"], not)();
  const not = (): Expr => {
    if (isKeyword("NOT")) {
      const at = tokens[pos++].at;
      return {kind: "not", arg: not(), at};
    }
    return comparison();
  };
  const comparison = (): Expr => {
    const left = additive();
    const t = peek();
    if (t.kind === "symbol" && ["=", "<>", "<", "<=", ">", ">="].includes(t.text)) {
      ++pos;
      return {kind: "binary", op: t.text as BinaryOp, left, right: additive(), at: t.at};
    }
    if (isKeyword("IS")) {
      ++pos;
      const negated = isKeyword("NOT") ? (++pos, true) : false;
      keyword("NULL");
      return {kind: "isNull", negated, arg: left, at: t.at};
    }
    const negated = isKeyword("NOT") && isKeyword("IN", tokens[pos + 1]);
    if (negated || isKeyword("IN")) {
      pos += negated ? 2 : 1;
      symbol("(");
      const values = [primary()];
      while (isSymbol(",")) ++pos, values.push(primary());
      symbol(")");
      return {kind: "in", negated, arg: left, values, at: t.at};
    }
    return left;
  };
  const additive = (): Expr => chain(["+", "-"], multiplicative)();
  const multiplicative = (): Expr => chain(["*", "/"], unary)();
  const unary = (): Expr => {
    if (isSymbol("-")) {
      const at = tokens[pos++].at;
      const arg = unary();
      return arg.kind === "number" ? {...arg, value: -arg.value, at} : {kind: "negate", arg, at};
    }
    return primary();
  };
  const primary = (): Expr => {
    const t = peek();
    if (t.kind === "number") return ++pos, {kind: "number", value: Number(t.text), at: t.at};
    if (t.kind === "string") return ++pos, {kind: "string", value: t.text, at: t.at};
    if (isSymbol("(")) {
      ++pos;
      const inner = or();
      symbol(")");
      return inner;
    }
    if (t.kind === "symbol" && t.text === "-") return unary();
    if (t.kind !== "word") return expect("a value, a column or (", false) as never;
    const upper = t.text.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return ++pos, {kind: "boolean", value: upper === "TRUE", at: t.at};
    if (upper === "NULL") return ++pos, {kind: "null", at: t.at};
    if (upper === "CASE") return caseExpression();
    if (isSymbol("(", tokens[pos + 1])) {
      if (!(functions as readonly string[]).includes(upper)) throw new ExpressionError(`unknown function ${t.text}; the functions are ${functions.join(", ")}`, t.at);
      pos += 2;
      const args = isSymbol(")") ? [] : [or()];
      while (isSymbol(",")) ++pos, args.push(or());
      symbol(")");
      return {kind: "call", name: upper as FunctionName, args, at: t.at};
    }
    if (keywords.has(upper)) return expect("a value, a column or (", false) as never;
    ++pos;
    return {kind: "column", name: t.text, at: t.at};
  };
  const caseExpression = (): Expr => {
    const at = keyword("CASE").at;
    const whens: {when: Expr; then: Expr}[] = [];
    do {
      keyword("WHEN");
      const when = or();
      keyword("THEN");
      whens.push({when, then: or()});
    } while (isKeyword("WHEN"));
    const otherwise = isKeyword("ELSE") ? (++pos, or()) : undefined;
    keyword("END");
    return {kind: "case", whens, otherwise, at};
  };

  const expr = or();
  if (peek().kind !== "end") expect("an operator or the end", false);
  return expr;
}
