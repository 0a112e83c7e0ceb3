// Authorization before input validation. Pothos runs argument mappers (where the
// validation plugin checks input) outside every plugin's resolver wrapper, so
// with scope-auth alone an unauthorized caller sending invalid input would learn
// the validation rules and get ValidationError instead of AccessDeniedError.
// This plugin runs a field's static `authScopes` before the mappers; scope-auth
// then finds the result in its request cache and agrees.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { AuthScopeMap } from "@pothos/plugin-scope-auth";
import type { GraphQLFieldResolver } from "graphql";

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types["Context"], object>;

export class AuthBeforeInputPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapArgMappers(resolver: Resolver<Types> | undefined, fieldConfig: PothosOutputFieldConfig<Types>): Resolver<Types> | undefined {
    const scopes = fieldConfig.pothosOptions.authScopes;
    // Fields without argument mappers need nothing: scope-auth checks before their resolver.
    if (!resolver || !scopes || fieldConfig.argMappers.length === 0) return resolver;
    // Scope functions take the mapped (validated) arguments, so they cannot run this early.
    if (typeof scopes === "function") return resolver;
    const unauthorizedError = this.builder.options.scopeAuth.unauthorizedError;
    return async (parent, args, context, info) => {
      await this.builder.runAuthScopes(context, scopes as AuthScopeMap<Types>, (result) =>
        unauthorizedError ? unauthorizedError(parent as object, context, info, result) : result.message,
      );
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      authBeforeInput: AuthBeforeInputPlugin<Types>;
    }
  }
}

const pluginName = "authBeforeInput";
SchemaBuilder.registerPlugin(pluginName, AuthBeforeInputPlugin);
export default pluginName;
