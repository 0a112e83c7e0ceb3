// How many sign-in links may be asked for: per email address and per client.
import { RateLimitedError } from "./rate-limit.js";
import { createSharedRateLimiter, type SharedRateLimiter, type SharedCounterStore } from "./shared-rate-limit.js";

/** The limits on sign-in requests: per email address, and per client (e.g. its IP address). */
export interface SignInLimits {
  perAddress: SharedRateLimiter;
  perClient: SharedRateLimiter;
}

/** Shared between instances through `store` (Redis) when given. */
export function createSignInLimits(store?: SharedCounterStore): SignInLimits {
  const windowMs = 15 * 60 * 1000;
  return {
    // A person needs a link or two; more is someone flooding an inbox.
    perAddress: createSharedRateLimiter("sign-in-address", { limit: 5, windowMs }, store),
    // Generous enough for an office behind one NAT address.
    perClient: createSharedRateLimiter("sign-in-client", { limit: 30, windowMs }, store),
  };
}

/** Counts a sign-in request against both limits; throws RateLimitedError when either is used up. */
export async function takeSignIn(limits: SignInLimits, address: string, client: string | null | undefined, now: Date): Promise<void> {
  // The client is checked first so a refused client does not use up the address's allowance.
  if (client) {
    const byClient = await limits.perClient.take(client, now);
    if (!byClient.admitted) throw new RateLimitedError(byClient.retryAt, now);
  }
  const byAddress = await limits.perAddress.take(address.trim().toLowerCase(), now);
  if (!byAddress.admitted) throw new RateLimitedError(byAddress.retryAt, now);
}

/** The limits on subscription requests (the same shape: per address, per client); shared through `store` (Redis) when given. */
export function createSubscribeLimits(store?: SharedCounterStore): SignInLimits {
  const windowMs = 60 * 60 * 1000;
  return {
    // A confirmation or two per address an hour; more is someone flooding an inbox.
    perAddress: createSharedRateLimiter("subscribe-address", { limit: 3, windowMs }, store),
    perClient: createSharedRateLimiter("subscribe-client", { limit: 30, windowMs }, store),
  };
}
