// Limits of saved checks (docs/architecture.md, "API checks") that the server enforces and the workspace and
// CLI explain. Pure.

/** How many saved checks a project keeps; saving one more is refused. */
export const SAVED_CHECK_LIMIT = 50;
/** A saved check's name, in characters (the table's check constraint says the same). */
export const MAX_SAVED_CHECK_NAME_LENGTH = 200;
/** A saved check's request body, in bytes (UTF-8): every validation sends every saved check. */
export const MAX_SAVED_CHECK_BODY_BYTES = 64 * 1024;
/** The expected JSON, serialised, in bytes (UTF-8). */
export const MAX_EXPECT_JSON_BYTES = 16 * 1024;
/** How deeply the expected JSON may nest arrays and objects. */
export const MAX_EXPECT_JSON_DEPTH = 32;
