// Yoga masks every error that is not a GraphQLError, and logs it as a fault. A
// refusal or bad input is neither: where no result union catches an
// AccessDeniedError or a ValidationError (queries, subscriptions), the client gets
// its message with `extensions.code` UNAUTHENTICATED, FORBIDDEN or BAD_USER_INPUT
// (with the field and rule), and nothing is logged.
import { createGraphQLError, maskError, type YogaServerOptions } from "graphql-yoga";
import type { GraphQLError } from "graphql";
import { AccessDeniedError, ValidationError } from "../errors.js";

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>["maskedErrors"], boolean | undefined>["maskError"]>;

/** `requestId` names the HTTP request being served, if any (none over WebSocket). */
export function maskAppErrors(requestId: () => string | undefined): MaskError {
  return (error, message, isDev) => {
    // Duck-typed: under vitest, `graphql` may load twice and instanceof GraphQLError fail.
    const original = (error as Partial<GraphQLError>).originalError ?? error;
    // The GraphQL error already carries the refusal's message and code (AccessDeniedError.extensions);
    // returning it unchanged is what tells Yoga it is not a fault to log.
    if (original instanceof AccessDeniedError || original instanceof ValidationError) return error as Error;
    const masked = maskError(error, message, isDev);
    const id = requestId();
    if (!id || masked === error) return masked;
    const { nodes, source, positions, path, extensions } = masked as Partial<GraphQLError>;
    return createGraphQLError(masked.message, { nodes, source, positions, path, extensions: { ...extensions, requestId: id } });
  };
}
