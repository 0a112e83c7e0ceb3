// Characters no stored text may hold. Control characters hide in logs, break
// terminals and feeds; bidirectional overrides and isolates make a name read
// differently from what it is ("Trojan Source"); lone surrogates are not text at
// all and no database driver stores them.

/** A UTF-16 surrogate without its partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Unicode Cc, and the bidi embeddings, overrides, isolates and marks. */
const CONTROL = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** The same, but newline and tab are fine (messages and descriptions have lines). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are refused in text
const CONTROL_IN_PROSE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export type TextRule = "lone_surrogate" | "control_character";

export const TEXT_RULE_MESSAGES: Record<TextRule, string> = {
  lone_surrogate: "must be valid Unicode (it holds half of a surrogate pair)",
  control_character: "must not hold control characters or bidirectional overrides",
};

/** Whether `s` is well-formed UTF-16 (every surrogate has its partner). */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/** Whether a one-line text (name, title, slug, category, key name) holds a control or bidi character. */
export function hasControlCharacter(s: string): boolean {
  return CONTROL.test(s);
}

/** Like hasControlCharacter, but newlines and tabs are allowed (messages, descriptions). */
export function hasControlCharacterInProse(s: string): boolean {
  return CONTROL_IN_PROSE.test(s);
}

/**
 * The rule a string any argument carries breaks, whatever field it is: lone
 * surrogates, and NUL (no database stores it in text: PostgreSQL refuses it).
 */
export function anyTextRule(s: string): TextRule | null {
  if (!isWellFormed(s)) return "lone_surrogate";
  if (s.includes("\u0000")) return "control_character";
  return null;
}

/**
 * For lookups planned before the argument is checked (Prisma selections of a parent):
 * a value that matches nothing when the argument is about to be refused.
 */
export function lookupText(value: string): string {
  return anyTextRule(value) ? "" : value;
}
