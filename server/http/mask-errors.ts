// Yoga masks every error that is not a GraphQLError, and logs it as a fault. A
// refusal is neither: where no result union catches an AccessDeniedError or a
// ValidationError (queries, subscriptions), the client gets its message with
// `extensions.code` UNAUTHENTICATED or FORBIDDEN, or BAD_USER_INPUT and the
// issues, and nothing is logged.
import { maskError, type YogaServerOptions } from "graphql-yoga";
import type { GraphQLError } from "graphql";
import { AccessDeniedError, ValidationError } from "../errors.js";

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>["maskedErrors"], boolean | undefined>["maskError"]>;

export const maskAppErrors: MaskError = (error, message, isDev) => {
  // Duck-typed: under vitest, `graphql` may load twice and instanceof GraphQLError fail.
  const original = (error as Partial<GraphQLError>).originalError ?? error;
  // The GraphQL error already carries the refusal's message and code (AccessDeniedError.extensions);
  // returning it unchanged is what tells Yoga it is not a fault to log.
  if (original instanceof AccessDeniedError || original instanceof ValidationError) return error as Error;
  return maskError(error, message, isDev);
};
