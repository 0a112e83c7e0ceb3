// The relying-party side of OpenID Connect, on openid-client: the authorization request
// (code flow, PKCE S256, state, nonce) and the checks of the provider's answer. The library
// verifies the ID token's issuer, audience, expiry, nonce and, with non-repudiation checks
// on, its signature against the provider's published keys.
import * as client from "openid-client";
import { parseMailbox, type Mailbox } from "../domain/mailbox.js";
import type { PendingAttempt, StartedAttempt } from "./oidc-attempts.js";
import { isLoopbackHost, type OidcSettings } from "./oidc-config.js";
import { OidcSignInError, failureOf } from "./oidc-errors.js";

/** A person as the provider vouched for them. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** Verified by the provider (email_verified), parsed and normalized as sign-in addresses are. */
  email: Mailbox;
  name: string | null;
}

export interface OidcClient {
  /** Where to send the browser; discovers the provider on first use (and again after a failure). */
  authorizationUrl(attempt: StartedAttempt): Promise<URL>;
  /** Checks the callback and redeems its code; throws OidcSignInError with a typed code. */
  verifyCallback(callbackUrl: URL, attempt: PendingAttempt, now: Date): Promise<OidcIdentity>;
}

export interface OidcClientOptions {
  settings: OidcSettings;
  /** `<public URL>/auth/oidc/callback`, as registered with the provider. */
  redirectUri: string;
}

export function createOidcClient({ settings, redirectUri }: OidcClientOptions): OidcClient {
  // Plain http is accepted for loopback issuers only (parseIssuer refuses it elsewhere): a provider in a test or on this machine.
  const insecure = new URL(settings.issuer).protocol === "http:" && isLoopbackHost(new URL(settings.issuer).hostname);
  const execute = insecure ? [client.allowInsecureRequests] : [];
  let discovered: Promise<client.Configuration> | null = null;
  const discover = () => {
    discovered ??= client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, client.ClientSecretBasic(settings.clientSecret), {
      execute,
    });
    // A provider that was down is asked again next time.
    discovered.catch(() => (discovered = null));
    return discovered;
  };

  // The provider's keys, fetched once and kept across the per-callback configurations below.
  let jwks: ReturnType<typeof client.getJwksCache>;
  /** A configuration whose clock is the service's: expiry is judged by `now`, as everything else is. */
  const configurationAt = async (now: Date) => {
    const base = await discover();
    const skew = Math.round((now.getTime() - Date.now()) / 1000);
    const metadata = { client_secret: settings.clientSecret, [client.clockSkew]: skew };
    const config = new client.Configuration(base.serverMetadata(), settings.clientId, metadata, client.ClientSecretBasic(settings.clientSecret));
    for (const enable of execute) enable(config);
    client.enableNonRepudiationChecks(config);
    if (jwks) client.setJwksCache(config, jwks);
    return config;
  };

  return {
    async authorizationUrl(attempt) {
      const config = await discover().catch((error: unknown) => {
        throw new OidcSignInError("oidc_provider_error", "the provider could not be discovered", error);
      });
      return client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes.join(" "),
        state: attempt.state,
        nonce: attempt.nonce,
        code_challenge: attempt.codeChallenge,
        code_challenge_method: "S256",
      });
    },
    async verifyCallback(callbackUrl, attempt, now) {
      try {
        const config = await configurationAt(now);
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: attempt.codeVerifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        });
        jwks = client.getJwksCache(config) ?? jwks;
        return await identityOf(config, tokens);
      } catch (error) {
        throw error instanceof OidcSignInError ? error : failureOf(error);
      }
    },
  };
}

type Tokens = Awaited<ReturnType<typeof client.authorizationCodeGrant>>;

/** The identity from the ID token, completed from the userinfo endpoint when the token leaves the email out (as code-flow ID tokens may). */
async function identityOf(config: client.Configuration, tokens: Tokens): Promise<OidcIdentity> {
  const claims = tokens.claims();
  if (!claims) throw new OidcSignInError("oidc_token_invalid", "the provider returned no ID token");
  let profile: Record<string, unknown> = claims;
  if (typeof claims.email !== "string") {
    // The subject check makes sure the userinfo answer is about the person the ID token names.
    profile = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), sub: claims.sub };
  }
  if (typeof profile.email !== "string" || !profile.email) throw new OidcSignInError("oidc_email_missing", "the provider sent no email address");
  if (!emailVerified(profile)) {
    throw new OidcSignInError("oidc_email_unverified", "the provider has not verified the email address");
  }
  const email = parseMailbox(profile.email.trim());
  if (!email) throw new OidcSignInError("oidc_email_invalid", "the provider's email address is not a plain address");
  const name = typeof profile.name === "string" && profile.name.trim() ? profile.name.trim() : null;
  return { issuer: claims.iss, subject: claims.sub, email, name };
}

/**
 * The provider vouches for the address: `email_verified` (some send it as a string), or
 * Microsoft Entra ID's optional `xms_edov` (the address's domain is verified as the
 * tenant's), as Entra sends no `email_verified`.
 */
function emailVerified(profile: Record<string, unknown>): boolean {
  return profile.email_verified === true || profile.email_verified === "true" || profile.xms_edov === true;
}
