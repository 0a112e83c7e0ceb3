/** The running service's handle: its parts, with start and stop around them. */
import { execute, parse, type ExecutionResult } from "graphql";
import { systemContext, type AppServices } from "../context.js";
import { schema } from "../schema/index.js";
import type { App } from "./options.js";

/** What the handle needs besides the parts it exposes. */
export interface AppRunning {
  services: AppServices;
  /** Resolves to the URL of the GraphQL endpoint. */
  listen(port: number, host: string): Promise<string>;
  /** Called one after another by `stop`, in this order. */
  closers: (() => unknown)[];
}

export function appHandle(parts: Omit<App, "executeAsSystem" | "start" | "stop">, running: AppRunning): App {
  return {
    ...parts,
    async executeAsSystem(query, variables) {
      const contextValue = systemContext(running.services);
      return execute({ schema, document: parse(query), variableValues: variables, contextValue }) as Promise<ExecutionResult>;
    },
    async start(port = 0, host = "127.0.0.1") {
      const url = await running.listen(port, host);
      // Catch up on maintenance that came due while the service was down.
      await parts.scheduler.tick();
      return url;
    },
    async stop() {
      for (const close of running.closers) await close();
    },
  };
}
