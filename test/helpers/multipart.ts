// GraphQL multipart requests (github.com/jaydenseric/graphql-multipart-request-spec):
// the operation with each file replaced by null, a map from part names to the variable
// paths they fill, then the files, in a FormData that fetch sends with its boundary.

/** Each Blob in `value` with its variable path (`variables.input.logo`), the Blob replaced by null. */
function extractFiles(value: unknown, path: string, files: [string, Blob][]): unknown {
  if (value instanceof Blob) {
    files.push([path, value]);
    return null;
  }
  if (Array.isArray(value)) return value.map((item, i) => extractFiles(item, `${path}.${i}`, files));
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, extractFiles(item, `${path}.${key}`, files)]));
  }
  return value;
}

/** The multipart body of an operation whose variables hold files; null when they hold none. */
export function multipartBody(query: string, variables: Record<string, unknown> = {}): FormData | null {
  const files: [string, Blob][] = [];
  const stripped = extractFiles(variables, "variables", files);
  if (files.length === 0) return null;
  const form = new FormData();
  form.set("operations", JSON.stringify({ query, variables: stripped }));
  form.set("map", JSON.stringify(Object.fromEntries(files.map(([path], i) => [String(i), [path]]))));
  for (const [i, [, file]] of files.entries()) form.set(String(i), file);
  return form;
}
