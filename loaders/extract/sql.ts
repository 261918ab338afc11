// Quoting for generated SQL: every identifier is quoted, since contract
// columns such as `group` are reserved words.

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
