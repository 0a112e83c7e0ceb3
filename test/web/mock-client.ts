// An urql client stand-in for rendering components without a server: each
// operation, picked by its name, answers synchronously (or never, to show loading).
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import { CombinedError, type Client, type Operation, type OperationResult } from "urql";
import { fromValue, never, type Source } from "wonka";

/** `error` is a GraphQL error whose `extensions.code` is the given string (UNAUTHENTICATED, FORBIDDEN …). */
export type Answer = { data: unknown; error?: string } | { error: string } | { networkError: string } | "loading";

function operationName(query: DocumentNode): string {
  const op = query.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  return op?.name?.value ?? "";
}

function source(operation: Operation, answer: Answer | undefined): Source<OperationResult> {
  if (answer === undefined || answer === "loading") return never;
  const base = { operation, stale: false, hasNext: false };
  const error =
    "networkError" in answer
      ? new CombinedError({ networkError: new Error(answer.networkError) })
      : answer.error
        ? new CombinedError({ graphQLErrors: [{ message: `Refused: ${answer.error}`, extensions: { code: answer.error } }] })
        : undefined;
  return fromValue({ ...base, data: "data" in answer ? answer.data : undefined, error } as OperationResult);
}

/** A client whose operations answer from `answers`, keyed by operation name; unknown ones stay loading. */
export function mockClient(answers: Record<string, Answer>): Client {
  const execute = (operation: Operation) => source(operation, answers[operationName(operation.query)]);
  return {
    executeQuery: execute,
    executeSubscription: execute,
    executeMutation: execute,
    suspense: false,
  } as unknown as Client;
}
