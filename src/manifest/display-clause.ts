/**
 * Reads the param names out of a layout.json `display` clause. The clause is an SQL WHERE expression that
 * tcex evaluates in SQLite over a one-row table whose columns are the install.json params.
 */

/** SQL words that are not column names; clauses in real apps use only a few of them. */
const SQL_KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'null',
  'like',
  'glob',
  'between',
  'escape',
  'true',
  'false',
]);

/** The identifiers of a clause, or the reason it cannot be read. */
export type ClauseScan =
  | { readonly ok: true; readonly identifiers: readonly string[] }
  | { readonly ok: false; readonly reason: string };

// One token per match: a string literal ('' escapes a quote), a lone quote (unterminated literal), a word,
// a number, or any other single character.
const TOKEN = /'(?:[^']|'')*'|'|[A-Za-z_][A-Za-z0-9_]*|\d[\w.]*|[\s\S]/g;

/**
 * The column names a clause references, in order of first use, lower-cased (SQLite compares them
 * case-insensitively). String literals, numbers, SQL keywords and function names are skipped.
 */
export function displayClauseIdentifiers(clause: string): ClauseScan {
  // tcex strips every double quote before SQLite sees the clause, so `"name"` is just `name`.
  const text = clause.replaceAll('"', '');
  if (text.trim() === '') return { ok: false, reason: 'is empty' };
  const identifiers: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (token === "'") return { ok: false, reason: 'has an unterminated string literal' };
    if (!/^[A-Za-z_]/.test(token)) continue;
    const word = token.toLowerCase();
    if (SQL_KEYWORDS.has(word)) continue;
    const rest = text.slice((match.index ?? 0) + token.length);
    if (/^\s*\(/.test(rest)) continue; // a function call such as lower(x)
    if (!identifiers.includes(word)) identifiers.push(word);
  }
  return { ok: true, identifiers };
}
