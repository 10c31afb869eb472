/**
 * Personal data in IPQS responses (design §4 `include_personal_data`): identity records, associated names,
 * phone numbers and email addresses, and the phone owner's `name`. They are dropped from every output, the
 * raw JSON included, unless the user opts in.
 */
import { FIELD_CATALOG } from './fields';
import type { LookupType } from './fields';

/** Top-level response keys that hold personal data, for every lookup type. */
export const PERSONAL_DATA_KEYS: readonly string[] = [
  'identity_data',
  'associated_names',
  'associated_phone_numbers',
  'associated_email_addresses',
  'name',
];

// Also the top-level key of every catalogue field marked pii, so a field added there is dropped here too.
function personalKeysOf(lookup: LookupType): readonly string[] {
  const fromCatalog = FIELD_CATALOG[lookup]
    .filter((field) => field.pii === true)
    .map((field) => field.path.split('.')[0] ?? field.path);
  return [...new Set([...PERSONAL_DATA_KEYS, ...fromCatalog])];
}

// built on first use per lookup type: this runs once per answer
const personalKeys = new Map<LookupType, ReadonlySet<string>>();

/** A shallow copy of an IPQS response without its personal data keys; the input is left untouched. */
export function withoutPersonalData(
  lookup: LookupType,
  data: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  let drop = personalKeys.get(lookup);
  if (!drop) {
    drop = new Set(personalKeysOf(lookup));
    personalKeys.set(lookup, drop);
  }
  // copied key by key rather than spread then `delete`d: a delete turns the copy into a slow dictionary
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    if (!drop.has(key)) copy[key] = data[key];
  }
  return copy;
}
