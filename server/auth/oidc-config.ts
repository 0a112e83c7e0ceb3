// Operator sign-in configuration from the environment: the OpenID Connect provider and
// who may sign in. Every mistake stops the start with a message naming the variable, so a
// typo never turns into an open door or a sign-in button that cannot work.
import { normalizeDomain } from "../domain/email.js";
import { parseMailbox } from "../domain/mailbox.js";
import { AUTO_CREATE_ROLES, OPERATOR_ROLES, type AdmissionPolicy, type AutoCreateRole } from "../domain/operator-admission.js";

type Env = Record<string, string | undefined>;

export interface OidcSettings {
  /** The provider's issuer identifier, e.g. `https://login.example.com/realms/ops`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Requested scopes; always include `openid` and `email`. */
  scopes: string[];
  /** Text of the console's sign-in button. */
  buttonLabel: string;
}

export const DEFAULT_OIDC_SCOPES = ["openid", "email", "profile"];
export const DEFAULT_OIDC_BUTTON_LABEL = "Sign in with single sign-on";
const MAX_BUTTON_LABEL = 60;

/** A configuration mistake; the message names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"]);

/** True for localhost, 127.0.0.0/8 and [::1]: the only hosts an issuer may be reached at over plain http. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/** The issuer as the provider states it: an https URL (http on loopback only), no query or fragment. */
export function parseIssuer(value: string, variable = "OIDC_ISSUER"): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${variable} must be an absolute URL such as https://login.example.com, got "${value}"`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new ConfigError(`${variable} must be an https URL (plain http only on localhost), got "${value}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`${variable} must not have credentials, a query or a fragment, got "${value}"`);
  }
  // Discovery compares the issuer the provider states with this exactly: keep it as written.
  return value;
}

/** OIDC settings from OIDC_* variables; null when none of them is set. */
export function oidcSettingsFromEnv(env: Env = process.env): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  const others = ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_SCOPES", "OIDC_BUTTON_LABEL"].filter((name) => env[name]?.trim());
  if (!issuer) {
    if (others.length) throw new ConfigError(`${others.join(", ")} set without OIDC_ISSUER: set OIDC_ISSUER to the provider's issuer URL, or unset them`);
    return null;
  }
  if (!clientId) throw new ConfigError("OIDC_CLIENT_ID is required with OIDC_ISSUER: the client id the provider issued for Statusgraph");
  if (!clientSecret) throw new ConfigError("OIDC_CLIENT_SECRET is required with OIDC_ISSUER: the client secret the provider issued for Statusgraph");
  return {
    issuer: parseIssuer(issuer),
    clientId,
    clientSecret,
    scopes: parseScopes(env.OIDC_SCOPES),
    buttonLabel: parseButtonLabel(env.OIDC_BUTTON_LABEL),
  };
}

function parseScopes(value: string | undefined): string[] {
  if (!value?.trim()) return DEFAULT_OIDC_SCOPES;
  const scopes = [...new Set(value.split(/[\s,]+/).filter(Boolean))];
  for (const needed of ["openid", "email"]) {
    if (!scopes.includes(needed)) throw new ConfigError(`OIDC_SCOPES must include "${needed}" (operators are known by their verified email), got "${value}"`);
  }
  if (scopes.some((scope) => !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope)))
    throw new ConfigError(`OIDC_SCOPES holds a character a scope may not, got "${value}"`);
  return scopes;
}

function parseButtonLabel(value: string | undefined): string {
  const label = value?.trim();
  if (!label) return DEFAULT_OIDC_BUTTON_LABEL;
  if (label.length > MAX_BUTTON_LABEL) throw new ConfigError(`OIDC_BUTTON_LABEL must be at most ${MAX_BUTTON_LABEL} characters, got ${label.length}`);
  return label;
}

/** Who may sign in as an operator, from OPERATOR_ALLOWED_DOMAINS, OPERATOR_ALLOWED_EMAILS and OPERATOR_AUTO_CREATE_ROLE. */
export function admissionPolicyFromEnv(env: Env = process.env): AdmissionPolicy {
  const allowedDomains = list(env.OPERATOR_ALLOWED_DOMAINS).map((value) => {
    const domain = normalizeDomain(value);
    if (!domain) throw new ConfigError(`OPERATOR_ALLOWED_DOMAINS must list domains such as example.com, got "${value}"`);
    return domain;
  });
  const allowedEmails = list(env.OPERATOR_ALLOWED_EMAILS).map((value) => {
    const mailbox = parseMailbox(value);
    if (!mailbox) throw new ConfigError(`OPERATOR_ALLOWED_EMAILS must list plain addresses such as ann@example.com, got "${value}"`);
    return mailbox.address.toLowerCase();
  });
  const autoCreateRole = parseAutoCreateRole(env.OPERATOR_AUTO_CREATE_ROLE);
  if (autoCreateRole && allowedDomains.length === 0 && allowedEmails.length === 0) {
    throw new ConfigError(
      "OPERATOR_AUTO_CREATE_ROLE needs OPERATOR_ALLOWED_DOMAINS or OPERATOR_ALLOWED_EMAILS: without them every account the provider knows would get in",
    );
  }
  return { allowedDomains, allowedEmails, autoCreateRole };
}

function parseAutoCreateRole(value: string | undefined): AutoCreateRole | null {
  const role = value?.trim().toUpperCase();
  if (!role) return null;
  if (role === "ADMIN") {
    throw new ConfigError(
      "OPERATOR_AUTO_CREATE_ROLE cannot be ADMIN: admins manage operators, keys and settings, so each is made deliberately (npm run operators, or by another admin)",
    );
  }
  if (!(AUTO_CREATE_ROLES as readonly string[]).includes(role)) {
    throw new ConfigError(
      `OPERATOR_AUTO_CREATE_ROLE must be empty or one of ${AUTO_CREATE_ROLES.join(", ")}, got "${value}" (roles: ${OPERATOR_ROLES.join(", ")})`,
    );
  }
  return role as AutoCreateRole;
}

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}
