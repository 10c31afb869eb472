/**
 * The text tcex puts in place of an embedded variable whose value cannot be shown in a string (contract
 * §4.5): a missing or null value, and bytes.
 */

/** Stands for an embedded variable that is missing from the KV store or holds null. */
export const EMBEDDED_NULL = '<null>';

/** Stands for an embedded Binary or BinaryArray variable. */
export const EMBEDDED_BINARY = '<binary>';
