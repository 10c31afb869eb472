/**
 * Undoes the usual "defanging" of indicators in threat reports (`hxxp://evil[.]com`, `user[at]example(dot)com`)
 * so a defanged value is classified and looked up like the live one.
 */

// `hxxp:`, `hXXps[:]`, `hxxp[://]`: only before a colon, so a host named `hxxp-tools` stays as it is.
const DEFANGED_SCHEME = /\bhxxp(s?)(?=\[?:)/gi;

// Order matters: `[://]` before `[:]`. A bracketed dot or at takes the spaces around it too
// (`example [.] com`, `user [at] example.com`): a value never holds spaces there. `(?<!\s)` starts a
// match only where a run of spaces starts, so a long run is scanned once, not once per space.
const REPLACEMENTS: readonly (readonly [RegExp, string])[] = [
  [/\[:\/\/\]/g, '://'],
  [/\[:\]/g, ':'],
  [/(?<!\s)\s*(?:\[\s*\.\s*\]|\(\s*\.\s*\)|\{\s*\.\s*\})\s*/g, '.'],
  [/(?<!\s)\s*(?:\[dot\]|\(dot\)|\{dot\})\s*/gi, '.'],
  // A spelled-out " dot " only between non-space text, so a trailing word is left alone.
  [/(?<=\S)\s+dot\s+(?=\S)/gi, '.'],
  [/(?<!\s)\s*(?:\[@\]|\[at\]|\(at\)|\{at\})\s*/gi, '@'],
];

/** The value with defanging undone and surrounding whitespace trimmed; a clean value comes back unchanged. */
export function refang(text: string): string {
  let result = text.replace(DEFANGED_SCHEME, (_match, secure: string) => `http${secure.toLowerCase()}`);
  for (const [pattern, replacement] of REPLACEMENTS) result = result.replace(pattern, replacement);
  return result.trim();
}
