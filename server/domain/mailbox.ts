// The one parser of email addresses people type: customer-page sign-in checks and mails
// exactly what it returns. Mail software reads a "To" string as an address list, so
// "<eve@evil.com>ann@example.com" or "eve@evil.com, ann@example.com" would pass a check of
// the text after the last "@" and still reach eve; only one bare mailbox gets through here.
import addresses from "email-addresses";
import { HIDDEN_CHARACTERS, normalizeDomain } from "./email.js";

/** An address reduced to `local@domain`, the domain normalized as normalizeDomain does. */
export interface Mailbox {
  /** As typed: local parts are case-sensitive, in principle. */
  local: string;
  domain: string;
  address: string;
}

/** RFC 5321's limits on a path and on a local part. */
export const MAX_ADDRESS_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * Exactly one RFC 5322 mailbox in its plainest form, `local@domain`, or null. Refused:
 * lists, groups, comments, display names, angle brackets, quoted local parts, non-ASCII
 * local parts (mailing them needs SMTPUTF8, which relays may lack), hidden characters
 * (see HIDDEN_CHARACTERS), and domains normalizeDomain refuses. One trailing dot of the domain is dropped; Unicode domains become punycode.
 */
export function parseMailbox(input: string): Mailbox | null {
  if (input.length > MAX_ADDRESS_LENGTH || HIDDEN_CHARACTERS.test(input)) return null;
  if (input.split("@").length !== 2) return null;
  // DNS allows a trailing dot ("example.com."), RFC 5322's dot-atom does not.
  const bare = input.endsWith(".") ? input.slice(0, -1) : input;
  const parsed = addresses.parseOneAddress({ input: bare, startAt: "mailbox", rfc6532: true, strict: true, rejectTLD: true, simple: false });
  if (parsed?.type !== "mailbox") return null;
  // The parsed address must be the whole input: no name, brackets, comments or quotes around it.
  if (parsed.name !== null || parsed.parts.comments.length > 0 || parsed.address !== bare) return null;
  const localForm = parsed.parts.local.children;
  if (localForm.length !== 1 || localForm[0]!.name !== "dot-atom") return null;
  const local = parsed.local;
  const domain = normalizeDomain(parsed.domain);
  if (domain === null || local.length > MAX_LOCAL_LENGTH || !PRINTABLE_ASCII.test(local)) return null;
  const address = `${local}@${domain}`;
  return address.length > MAX_ADDRESS_LENGTH ? null : { local, domain, address };
}
