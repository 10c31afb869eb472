/**
 * JSON text with a layout prettier keeps: an object whose values are all scalars is written on one line
 * (prettier keeps an object collapsed when its source has no newline after `{`), any other object one
 * key per line, arrays on one line (prettier breaks the ones too long or holding objects).
 * `npm run manifest` runs prettier over the result, so the files stay `prettier --check` clean.
 */

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function render(value: unknown, indent: string): string {
  if (isScalar(value)) return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isScalar)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    return `[\n${value.map((item) => inner + render(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return '{}';
  if (entries.every(([, item]) => isScalar(item))) {
    return `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item)}`).join(', ')} }`;
  }
  const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${render(item, inner)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** The value as 2-space JSON text ending in a newline, laid out for prettier (see the module note). */
export function toJsonSource(value: unknown): string {
  return `${render(value, '')}\n`;
}
