// Why an OpenID Connect sign-in was refused, as the typed code the console's sign-in page
// receives (`/console/sign-in?error=<code>`). The cause is logged, never shown.
import * as client from "openid-client";

export const OIDC_ERROR_CODES = [
  /** The callback's state is unknown, already used, or not this browser's. */
  "oidc_state_mismatch",
  /** The sign-in took longer than the attempt lives. */
  "oidc_attempt_expired",
  /** `returnTo` is not a path on this service. */
  "oidc_invalid_return_to",
  /** The person declined, or the provider refused the request. */
  "oidc_access_denied",
  /** The provider could not be reached or answered with an error. */
  "oidc_provider_error",
  /** The answer came from, or names, another issuer. */
  "oidc_wrong_issuer",
  /** The ID token was issued to another client. */
  "oidc_wrong_audience",
  /** The ID token has expired. */
  "oidc_token_expired",
  /** The ID token does not carry this attempt's nonce. */
  "oidc_nonce_mismatch",
  /** The ID token failed another check (signature, key, timestamps). */
  "oidc_token_invalid",
  "oidc_email_missing",
  "oidc_email_unverified",
  "oidc_email_invalid",
  /** The address is outside the allow-lists. */
  "oidc_not_allowed",
  /** The address is allowed but has no operator account, and accounts are not created automatically. */
  "oidc_no_account",
  "oidc_operator_disabled",
] as const;

export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

export class OidcSignInError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = "OidcSignInError";
  }
}

const CLAIM_CODES: Record<string, OidcErrorCode> = {
  iss: "oidc_wrong_issuer",
  aud: "oidc_wrong_audience",
  azp: "oidc_wrong_audience",
  nonce: "oidc_nonce_mismatch",
};

/** The typed refusal for an error openid-client threw while checking a callback. */
export function failureOf(error: unknown): OidcSignInError {
  if (error instanceof client.AuthorizationResponseError) {
    const code = error.error === "access_denied" ? "oidc_access_denied" : "oidc_provider_error";
    return new OidcSignInError(code, `the provider answered ${error.error}`, error);
  }
  if (error instanceof client.ResponseBodyError) return new OidcSignInError("oidc_provider_error", `the token endpoint answered ${error.error}`, error);
  if (!(error instanceof client.ClientError)) return new OidcSignInError("oidc_provider_error", "the provider could not be reached", error);
  // The library wraps the check that failed; its details name the claim or parameter.
  const inner = error.cause instanceof Error ? error.cause : null;
  const details = (inner?.cause ?? {}) as { claim?: unknown; parameters?: unknown };
  switch (error.code) {
    case "OAUTH_JWT_CLAIM_COMPARISON_FAILED":
      return new OidcSignInError(CLAIM_CODES[String(details.claim)] ?? "oidc_token_invalid", `the ID token's ${String(details.claim)} is wrong`, error);
    case "OAUTH_JWT_TIMESTAMP_CHECK_FAILED":
      return new OidcSignInError(
        details.claim === "exp" ? "oidc_token_expired" : "oidc_token_invalid",
        `the ID token's ${String(details.claim)} is out of range`,
        error,
      );
    case "OAUTH_INVALID_RESPONSE":
      // The authorization response's `iss` parameter (RFC 9207) names another issuer, or is missing.
      if (details.parameters && inner?.message.includes('"iss"')) return new OidcSignInError("oidc_wrong_issuer", "the answer came from another issuer", error);
      return new OidcSignInError("oidc_token_invalid", inner?.message ?? error.message, error);
    case "OAUTH_KEY_SELECTION_FAILED":
      return new OidcSignInError("oidc_token_invalid", "the ID token is signed with a key the provider does not publish", error);
    default:
      return new OidcSignInError("oidc_provider_error", error.message, error);
  }
}
