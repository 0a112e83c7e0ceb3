// OpenID Connect operator sign-in, put together from settings (or the environment) for
// buildApp. Checked before the service opens anything, so bad configuration stops the
// start with a message naming the variable.
import { admissionPolicyFromEnv, ConfigError, oidcSettingsFromEnv, type OidcSettings } from "../auth/oidc-config.js";
import { createOidcClient } from "../auth/oidc-client.js";
import type { OperatorSignIn } from "../auth/operator-sign-in.js";
import type { Db } from "../db/client.js";
import type { AdmissionPolicy } from "../domain/operator-admission.js";
import type { Logger } from "../logger.js";
import { OIDC_CALLBACK_PATH, oidcRoutes } from "./oidc-routes.js";
import type { Route } from "./routes.js";

export interface OidcOptions {
  /** The provider; defaults to OIDC_* variables; null turns OpenID Connect sign-in off. */
  oidc?: OidcSettings | null;
  /** Who may sign in; defaults to OPERATOR_ALLOWED_DOMAINS, OPERATOR_ALLOWED_EMAILS, OPERATOR_AUTO_CREATE_ROLE. */
  operatorAdmission?: AdmissionPolicy;
  /** Completes sign-in into operator accounts and sessions; by default the real ones (services/operator-oidc-sign-in.ts). */
  operatorSignIn?: OperatorSignIn;
}

export interface OidcPlan {
  settings: OidcSettings;
  policy: AdmissionPolicy;
  redirectUri: string;
  publicUrl: string;
}

/** The checked configuration; null when OpenID Connect is not configured. Throws ConfigError. */
export function planOidc(options: OidcOptions, publicUrl: string | null): OidcPlan | null {
  const settings = options.oidc === undefined ? oidcSettingsFromEnv() : options.oidc;
  // Parsed even without a provider: a mistake in it should not wait for one to show.
  const policy = options.operatorAdmission ?? admissionPolicyFromEnv();
  if (!settings) return null;
  // The redirect URL must be the one registered with the provider, whatever Host a request names.
  if (!publicUrl) throw new ConfigError(`OIDC_ISSUER needs PUBLIC_URL: the provider sends people back to <PUBLIC_URL>${OIDC_CALLBACK_PATH}`);
  return { settings, policy, publicUrl, redirectUri: `${publicUrl}${OIDC_CALLBACK_PATH}` };
}

/** The /auth/oidc routes of a planned configuration. */
export function oidcRoute(plan: OidcPlan, deps: { db: Db; now: () => Date; log: () => Logger; operators: OperatorSignIn }): Route {
  return oidcRoutes({
    client: createOidcClient({ settings: plan.settings, redirectUri: plan.redirectUri }),
    db: deps.db,
    now: deps.now,
    publicUrl: plan.publicUrl,
    policy: plan.policy,
    operators: deps.operators,
    log: deps.log,
  });
}
