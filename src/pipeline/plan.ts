/**
 * Classifies every input indicator before any request: its type (forced by `indicator_type`, else a
 * TCEntity's own type, else auto-detected), its normalized value, its lookup key (duplicates share one) and
 * its position among the indicators of its lookup type (for the per-type outputs).
 */
import { classify } from '../indicators/classify';
import type { IndicatorItem } from '../indicators/indicator-input';
import { lookupTypeOf, typeFromChoice, typeFromTcEntity } from '../indicators/indicator-type';
import type { IndicatorType } from '../indicators/indicator-type';
import { LOOKUP_TYPES } from '../ipqs/fields';
import type { LookupType } from '../ipqs/fields';
import type { AppParams } from '../tc/params';

export interface PlannedIndicator {
  readonly index: number;
  /** Normalized when valid, else the value as given. */
  readonly indicator: string;
  /** Set only when the value is valid. */
  readonly type: IndicatorType | undefined;
  /** Set when the value is usable: `<type>:<normalized value>`; equal keys cost one request. */
  readonly key: string | undefined;
  /** Why the value cannot be looked up (one line, prefixed with the value). */
  readonly invalid: string | undefined;
  /** Position among the indicators of the same lookup type (url and domain share one). */
  readonly typePosition: number;
}

export interface Plan {
  readonly indicators: readonly PlannedIndicator[];
  /** How many indicators each lookup type has (the length of its per-type outputs). */
  readonly typeCounts: Readonly<Record<LookupType, number>>;
  /** How often each lookup key occurs (duplicates share one request). */
  readonly keyUses: ReadonlyMap<string, number>;
}

/**
 * What `shown` blanks out: control characters, the Unicode line and paragraph separators (either would
 * break the one-line error) and invisible formatting (bidi overrides would reorder it on screen).
 */
const UNSHOWABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** The value as shown in an error: unshowable characters blanked, long values cut. */
export function shown(value: string): string {
  const clean = value.replace(UNSHOWABLE, ' ').trim();
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

export function planBatch(items: readonly IndicatorItem[], app: AppParams): Plan {
  const forced = typeFromChoice(app.indicator_type);
  const defaultCountry = app.phone_countries[0];
  const typeCounts = Object.fromEntries(LOOKUP_TYPES.map((type) => [type, 0])) as Record<LookupType, number>;
  const indicators = items.map((item, index): PlannedIndicator => {
    const hint = forced ?? (item.tcType ? typeFromTcEntity(item.tcType) : undefined);
    const result = classify(item.value, {
      ...(hint ? { forced: hint } : {}),
      ...(defaultCountry ? { defaultCountry } : {}),
    });
    if (!result.ok) {
      // an invalid value has no type: it is in no per-type output (it is not an IP just because it looks like one)
      return {
        index,
        indicator: item.value,
        type: undefined,
        key: undefined,
        invalid: `${shown(item.value) || '(empty)'}: ${result.reason}`,
        typePosition: -1,
      };
    }
    const type = result.type;
    const typePosition = typeCounts[lookupTypeOf(type)]++;
    return {
      index,
      indicator: result.value,
      type,
      key: `${type}:${result.value}`,
      invalid: undefined,
      typePosition,
    };
  });
  const keyUses = new Map<string, number>();
  for (const { key } of indicators) if (key !== undefined) keyUses.set(key, (keyUses.get(key) ?? 0) + 1);
  return { indicators, typeCounts, keyUses };
}
