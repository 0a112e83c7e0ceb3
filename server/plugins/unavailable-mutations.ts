// Mutations fail fast and typed while the database is down. A mutation whose
// database work fails for want of a database (unreachable, refusing, timed out)
// returns ServiceUnavailableError in its result union, never a masked unexpected
// error. Registered right after the errors plugin: its wrapper sits inside that
// plugin's outermost one (which turns the ServiceUnavailableError thrown here into
// the union member) and outside everything else, argument mappers included.
// How each root mutation field ended is noted per operation, so the HTTP layer can
// answer 503 when the whole operation failed for this reason (unavailable-status.ts).
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import { ServiceUnavailableError } from "../errors.js";

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types["Context"], object>;

/** How an operation's root mutation fields ended. */
export interface MutationOutcome {
  succeeded: number;
  unavailable: number;
  /** Ended with another error (typed or not). */
  failed: number;
}

const outcomes = new WeakMap<object, MutationOutcome>();

/** The outcome of the mutation run with this context; undefined when it ran none. */
export const mutationOutcome = (context: object): MutationOutcome | undefined => outcomes.get(context);

function note(context: object, key: keyof MutationOutcome): void {
  let outcome = outcomes.get(context);
  if (!outcome) outcomes.set(context, (outcome = { succeeded: 0, unavailable: 0, failed: 0 }));
  outcome[key] += 1;
}

export class UnavailableMutationsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapArgMappers(resolver: Resolver<Types> | undefined, fieldConfig: PothosOutputFieldConfig<Types>): Resolver<Types> | undefined {
    if (!resolver || fieldConfig.kind !== "Mutation") return resolver;
    return async (parent, args, context, info) => {
      try {
        const result: unknown = await resolver(parent, args, context, info);
        // An error already caught into the union (e.g. by scope checks) comes back as a value.
        note(context, result instanceof ServiceUnavailableError ? "unavailable" : result instanceof Error ? "failed" : "succeeded");
        return result;
      } catch (error) {
        if (error instanceof ServiceUnavailableError || isDatabaseUnavailable(error)) {
          note(context, "unavailable");
          throw error instanceof ServiceUnavailableError ? error : new ServiceUnavailableError();
        }
        note(context, "failed");
        throw error;
      }
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      unavailableMutations: UnavailableMutationsPlugin<Types>;
    }
  }
}

const pluginName = "unavailableMutations";
SchemaBuilder.registerPlugin(pluginName, UnavailableMutationsPlugin);
export default pluginName;
