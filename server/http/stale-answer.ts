// Marks a stored answer as the last known one: every `stale` and `asOf` field the
// operation selected on a type that has them is set, wherever it sits in the data
// (aliases, lists and fragments included). The answer was computed when those
// fields resolved to `false` and null; nothing else in it changes.
import {
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

/** Types whose `stale` and `asOf` fields tell a current answer from a last known one. */
export const STALE_MARKED_TYPES: ReadonlySet<string> = new Set(["StatusSummary"]);

export function markStale(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, data: unknown, asOf: string): void {
  const operation = getOperationAST(document, operationName);
  const root = schema.getQueryType();
  if (!operation || !root) return;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  function walk(selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined | null, value: unknown): void {
    if (value === null || typeof value !== "object" || !type) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(selectionSet, type, item);
      return;
    }
    const object = value as Record<string, unknown>;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (!(key in object)) continue;
        const name = selection.name.value;
        if (STALE_MARKED_TYPES.has(type.name) && (name === "stale" || name === "asOf")) {
          object[key] = name === "stale" ? true : asOf;
          continue;
        }
        if (!selection.selectionSet || !(isObjectType(type) || isInterfaceType(type))) continue;
        const field = type.getFields()[name];
        if (field) walk(selection.selectionSet, getNamedType(field.type), object[key]);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) continue;
      walk(fragment.selectionSet, fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type, object);
    }
  }

  walk(operation.selectionSet, root, data);
}
