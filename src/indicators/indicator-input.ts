/**
 * Flattens the `indicators` input into a list of raw values in input order: a String literal may hold
 * several values separated by newlines or commas; a StringArray keeps its order (nulls dropped); a
 * TCEntity carries its ThreatConnect type (Address, EmailAddress, URL, Host), which picks the handler.
 */
import type { IndicatorsInput, TcEntity } from '../tc/params';

export interface IndicatorItem {
  /** The value as given (trimmed); classification and normalization come later. */
  readonly value: string;
  /** The TCEntity's `type`, when the indicator came as an entity. */
  readonly tcType?: string;
}

/** Splits one literal: on newlines always, and on commas unless the line holds a URL (URLs may contain commas). */
function splitLiteral(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .flatMap((line) => (/:\/\/|^\s*h[tx]{2}ps?\[?:/i.test(line) ? [line] : line.split(',')))
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function fromEntity(entity: TcEntity): IndicatorItem[] {
  const value = entity.value.trim();
  return value === '' ? [] : [{ value, tcType: entity.type }];
}

function isEntity(input: IndicatorsInput): input is TcEntity {
  return typeof input === 'object' && !Array.isArray(input);
}

export function indicatorItems(input: IndicatorsInput): IndicatorItem[] {
  if (typeof input === 'string') return splitLiteral(input).map((value) => ({ value }));
  if (isEntity(input)) return fromEntity(input);
  const items: IndicatorItem[] = [];
  for (const element of input) {
    if (element === null) continue;
    if (typeof element === 'string') {
      const value = element.trim();
      if (value !== '') items.push({ value });
    } else {
      items.push(...fromEntity(element));
    }
  }
  return items;
}
