/** Marks each GraphQL mutation as running from its execution's start to its end, so that background work gives way to it (notifications/priority.ts). */
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";

/** What the plugin tells: a mutation began; the function returned is called when it ends. */
export interface RunningMutations {
  begin(): () => void;
}

export function useMutationPriority(mutations: RunningMutations): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation") return;
      return { onExecuteDone: mutations.begin() };
    },
  };
}
