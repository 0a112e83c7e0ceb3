// Input limits, in one place so the API, the README and the tests agree.
import { z } from "zod";
import { normalizeDomain } from "./email.js";
import { RESERVED_PAGE_SLUGS, RESERVED_SUB_PAGE_SLUGS, SLUG_MAX_LENGTH, isValidSlug } from "./slug.js";

export const LIMITS = {
  name: 120,
  message: 10_000,
  description: 2_000,
  category: 60,
  url: 2_000,
  listItems: 500,
} as const;

export const nameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(LIMITS.name, `must be at most ${LIMITS.name} characters`);

export const messageSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(LIMITS.message, `must be at most ${LIMITS.message} characters`);

export const descriptionSchema = z
  .string()
  .trim()
  .max(LIMITS.description, `must be at most ${LIMITS.description} characters`);

export const categorySchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(LIMITS.category, `must be at most ${LIMITS.category} characters`);

export const slugSchema = z
  .string()
  .trim()
  .max(SLUG_MAX_LENGTH, `must be at most ${SLUG_MAX_LENGTH} characters`)
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
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s) || /^\/[^\s]*$/.test(s), "must be an http(s) URL or a path");

export const domainSchema = z
  .string()
  .refine((s) => normalizeDomain(s) !== null, "must be a domain such as example.com")
  .transform((s) => normalizeDomain(s)!);

export const listSchema = <T extends z.ZodType>(item: T) =>
  z.array(item).max(LIMITS.listItems, `must hold at most ${LIMITS.listItems} items`);
