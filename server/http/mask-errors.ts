// Yoga masks every error that is not a GraphQLError, and logs it as a fault. A
// refusal or bad input is neither: where no result union catches an
// AccessDeniedError or a ValidationError (queries, subscriptions), the client gets
// its message with `extensions.code` UNAUTHENTICATED, FORBIDDEN or BAD_USER_INPUT
// (with the field and rule), and nothing is logged. Nor is a database that
// does not answer: the client gets SERVICE_UNAVAILABLE with `retryAfterSeconds`,
// and the outage is logged once when noticed (outage-watch.ts), not per request.
import { createGraphQLError, maskError, type YogaServerOptions } from "graphql-yoga";
import type { GraphQLError } from "graphql";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import { AccessDeniedError, ServiceUnavailableError, ValidationError } from "../errors.js";

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>["maskedErrors"], boolean | undefined>["maskError"]>;

/** `requestId` names the HTTP request being served, if any (none over WebSocket). */
export function maskAppErrors(requestId: () => string | undefined): MaskError {
  return (error, message, isDev) => {
    // Duck-typed: under vitest, `graphql` may load twice and instanceof GraphQLError fail.
    const graphqlError = error as Partial<GraphQLError>;
    const original = graphqlError.originalError ?? error;
    // The GraphQL error already carries the refusal's message and code (AccessDeniedError.extensions);
    // returning it unchanged is what tells Yoga it is not a fault to log.
    if (original instanceof AccessDeniedError || original instanceof ValidationError) return error as Error;
    if (original instanceof ServiceUnavailableError && original !== error) return error as Error;
    if (original instanceof ServiceUnavailableError || isDatabaseUnavailable(original)) {
      const unavailable = original instanceof ServiceUnavailableError ? original : new ServiceUnavailableError();
      // The same GraphQL error, reworded (the driver's message names files and hosts): a new one would be logged.
      if (original !== error && graphqlError.extensions) {
        Object.assign(error as object, { message: unavailable.message, extensions: { ...unavailable.extensions } });
        return error as Error;
      }
      return createGraphQLError(unavailable.message, { extensions: unavailable.extensions });
    }
    const masked = maskError(error, message, isDev);
    const id = requestId();
    if (!id || masked === error) return masked;
    const { nodes, source, positions, path, extensions } = masked as Partial<GraphQLError>;
    return createGraphQLError(masked.message, { nodes, source, positions, path, extensions: { ...extensions, requestId: id } });
  };
}
