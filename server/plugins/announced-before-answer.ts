/**
 * A mutation answers only once Redis has taken the events it published. Redis sends an
 * event on to every subscribed instance before it answers the PUBLISH, so whatever the
 * client does next on another instance (a read served from memory there, a credential
 * kept there) comes after that instance was told, not in a race with it.
 */
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";

/** The part of the Redis bus this needs (realtime/redis.ts). */
export interface PublishedEvents {
  published(): Promise<void>;
}

export function useAnnouncedBeforeAnswer(bus: PublishedEvents): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation") return;
      setExecuteFn(async (execution) => {
        const result = await executeFn(execution);
        await bus.published();
        return result;
      });
    },
  };
}
