// Yoga's own log calls (the cause of each masked error, above all) go to the
// service's logger, bound to the request being served; and the request line names
// the GraphQL operation it ran.
import type { GraphQLError } from "graphql";
import type { Plugin, YogaLogger } from "graphql-yoga";
import type { RequestLog } from "./request-log.js";

/** GraphQL names only: the operation name is the client's text, headed for the logs. */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export function yogaLogger(requests: RequestLog): YogaLogger {
  return {
    // Yoga's debug lines trace its every step: detail below the service's own debug.
    debug: (...args: unknown[]) => requests.log().trace(args.map(String).join(" ")),
    info: (...args: unknown[]) => requests.log().info(args.map(String).join(" ")),
    warn: (...args: unknown[]) => requests.log().warn(args.map(String).join(" ")),
    error: (...args: unknown[]) => {
      const [error] = args;
      if (!(error instanceof Error)) return requests.log().error(args.map(String).join(" "));
      // The resolver's own error, with the operation path it failed at.
      const { originalError, path } = error as Partial<GraphQLError>;
      requests.log().error({ err: originalError ?? error, ...(path ? { path: path.join(".") } : {}) }, "Unexpected error in a GraphQL operation");
    },
  };
}

export function useOperationName(requests: RequestLog): Plugin {
  return {
    onParams({ params }) {
      const scope = requests.current();
      const name = params.operationName ?? /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(params.query ?? "")?.[1];
      if (scope && name && OPERATION_NAME.test(name)) scope.operation = name;
    },
  };
}
