// Input limits, in one place so the API, the README and the tests agree.
import { z } from "zod";
import { RESERVED_PAGE_SLUGS, RESERVED_SUB_PAGE_SLUGS, SLUG_MAX_LENGTH, isValidSlug } from "./slug.js";
import { TEXT_RULE_MESSAGES, hasControlCharacter, hasControlCharacterInProse } from "./text.js";

export const LIMITS = {
  name: 120,
  message: 10_000,
  description: 2_000,
  category: 60,
  url: 2_000,
  /** Every list an input holds (components, groups, sub-pages, impacts, attributes, values, categories). */
  listItems: 500,
  /** rankCatalogEntries lists every entry of the type. */
  rankedEntries: 2_000,
} as const;

// Aborts: a name with a control character has no other rule worth reporting.
const oneLine = { message: TEXT_RULE_MESSAGES.control_character, params: { rule: "control_character" }, abort: true };
/** Refuses control and bidi characters in one-line text (names, titles, categories, key names). */
const noControl = (s: string) => !hasControlCharacter(s);
/** Refuses them in prose too, but keeps its lines and tabs. */
const noControlInProse = (s: string) => !hasControlCharacterInProse(s);

export const nameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(LIMITS.name, `must be at most ${LIMITS.name} characters`)
  .refine(noControl, oneLine);

export const messageSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(LIMITS.message, `must be at most ${LIMITS.message} characters`)
  .refine(noControlInProse, oneLine);

export const descriptionSchema = z
  .string()
  .trim()
  .max(LIMITS.description, `must be at most ${LIMITS.description} characters`)
  .refine(noControlInProse, oneLine);

export const categorySchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(LIMITS.category, `must be at most ${LIMITS.category} characters`)
  .refine(noControl, oneLine);

export const slugSchema = z
  .string()
  .trim()
  .max(SLUG_MAX_LENGTH, `must be at most ${SLUG_MAX_LENGTH} characters`)
  .refine(noControl, oneLine)
  .refine(isValidSlug, "must be lowercase letters, digits and single dashes, e.g. cust-support-ops");

/** A status page's slug: also not one of the service's own paths. */
export const pageSlugSchema = slugSchema.refine((s) => !RESERVED_PAGE_SLUGS.has(s), {
  message: `is one of the service's own paths (${[...RESERVED_PAGE_SLUGS].join(", ")})`,
  params: { rule: "reserved" },
});

/** A sub-page's slug: also not a path the page's own routes take. */
export const subPageSlugSchema = slugSchema.refine((s) => !RESERVED_SUB_PAGE_SLUGS.has(s), {
  message: `is one of the page's own paths (${[...RESERVED_SUB_PAGE_SLUGS].join(", ")})`,
  params: { rule: "reserved" },
});

export const urlSchema = z
  .string()
  .trim()
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
  .refine(noControl, oneLine)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s) || /^\/[^\s]*$/.test(s), "must be an http(s) URL or a path");

/** A list of at most `max` items: every list an input takes has a cap, so no statement outgrows the database's parameter limit. */
export const listSchema = <T extends z.ZodType>(item: T, max: number = LIMITS.listItems) => z.array(item).max(max, `must hold at most ${max} items`);

/**
 * The rules of one input object, checked together so that every broken one is
 * reported. Rules on single fields would stop at the first failing field: the
 * validation plugin skips an input's remaining field checks once one has failed.
 * Loose, so fields without rules pass through unchanged.
 */
export const inputSchema = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
