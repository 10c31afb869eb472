/**
 * Undoes the usual "defanging" of indicators in threat reports (`hxxp://evil[.]com`, `user[at]example(dot)com`)
 * so a defanged value is classified and looked up like the live one.
 */

// `hxxp:`, `hXXps[:]`, `hxxp[://]`: only before a colon, so a host named `hxxp-tools` stays as it is.
const DEFANGED_SCHEME = /\bhxxp(s?)(?=\[?:)/gi;

// Order matters: `[://]` before `[:]`.
const REPLACEMENTS: readonly (readonly [RegExp, string])[] = [
  [/\[:\/\/\]/g, '://'],
  [/\[:\]/g, ':'],
  [/\[\s*\.\s*\]|\(\s*\.\s*\)|\{\s*\.\s*\}/g, '.'],
  [/\[dot\]|\(dot\)|\{dot\}/gi, '.'],
  // A spelled-out " dot " only between non-space text, so a trailing word is left alone.
  [/(?<=\S)\s+dot\s+(?=\S)/gi, '.'],
  [/\[@\]|\[at\]|\(at\)|\{at\}/gi, '@'],
];

/** The value with defanging undone and surrounding whitespace trimmed; a clean value comes back unchanged. */
export function refang(text: string): string {
  let result = text.replace(DEFANGED_SCHEME, (_match, secure: string) => `http${secure.toLowerCase()}`);
  for (const [pattern, replacement] of REPLACEMENTS) result = result.replace(pattern, replacement);
  return result.trim();
}
