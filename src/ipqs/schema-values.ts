/**
 * Tolerant zod building blocks for IPQS response fields. IPQS answers with "N/A" where a number is
 * expected, null where a boolean or number is unknown, and numbers as strings (and the reverse); these
 * accept what IPQS is known to send and keep the value as sent. Only the score is converted to a number.
 */
import { z } from 'zod';

/** IPQS's "no value" sentinel. */
export const NOT_AVAILABLE = 'N/A';

const na = z.literal(NOT_AVAILABLE);
const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;
const numericString = z.string().regex(NUMERIC, 'expected a number or a numeric string');

/** A boolean, or null when IPQS does not know (phone `prepaid`, `active`, `recent_abuse`). */
export const flag = z.boolean().nullable().optional();

/** A string (possibly "N/A"), or null. */
export const text = z.string().nullable().optional();

/** A code IPQS sends as a string or a number (`zip_code`, `mcc`, `mnc`, `request_id`), or null. */
export const code = z.union([z.string(), z.number()]).nullable().optional();

/** A number (ASN, dialing code, timestamps, coordinates ...), a numeric string, "N/A" or null. */
export const count = z.union([z.number(), numericString, na]).nullable().optional();

/** A list of strings (DNS records, abuse events), or null. */
export const list = z.array(z.string()).nullable().optional();

/** Any JSON value, kept as sent (`technologies`, `transaction_details`). */
export const anyJson = z.unknown().optional();

/**
 * A usable score: a number from 0 to 100, or a numeric string converted to one. Missing or anything
 * else fails the whole response, since the verdict depends on it.
 */
export const score = z
  .union([z.number(), numericString.transform(Number)], {
    error: (issue) =>
      issue.input === undefined ? 'required score is missing' : 'expected a score from 0 to 100',
  })
  .pipe(z.number().min(0, 'expected a score from 0 to 100').max(100, 'expected a score from 0 to 100'));

/** `{human, timestamp, iso}` dates (`domain_age`, `first_seen`), or "N/A", or null. */
export const dateInfo = z
  .union([z.looseObject({ human: text, timestamp: count, iso: text }), na])
  .nullable()
  .optional();

/** `{status, names}` and the like (`associated_names`, `associated_phone_numbers`, `associated_email_addresses`). */
export const associatedNames = z.looseObject({ status: text, names: list }).nullable().optional();
export const associatedPhoneNumbers = z
  .looseObject({ status: text, phone_numbers: list })
  .nullable()
  .optional();
export const associatedEmails = z.looseObject({ status: text, emails: list }).nullable().optional();

const records = z.array(z.looseObject({})).nullable().optional();

/** Identity `age`: an object when known, an empty ARRAY when not (the same field changes type). */
const age = z
  .union([
    z.looseObject({
      human: text,
      birthday_iso: text,
      birthday_timestamp: count,
      birthdate_certanty: anyJson,
    }),
    z.array(z.unknown()).length(0),
  ])
  .nullable()
  .optional();

/** Email and phone `identity_data`: a list of identity records (an empty list when there are none). */
export const identityData = z
  .array(
    z.looseObject({
      names: records,
      addresses: records,
      email_addresses: records,
      phone_numbers: records,
      age,
      source: anyJson,
    }),
  )
  .nullable()
  .optional();

/** Phone `number_recycling` (feature off by default: every member null). */
export const numberRecycling = z
  .looseObject({ message: text, recently_recycled: flag, last_ported_date: code, ported: flag })
  .nullable()
  .optional();

/** The fields every IPQS answer carries. */
export const envelope = {
  success: z.boolean().optional(),
  message: text,
  request_id: code,
};
