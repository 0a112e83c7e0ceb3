// Four routes need no router library. Without React, so the entry can tell
// which data the first screen needs before React has loaded.
export type Route =
  | { name: "home" }
  | { name: "page"; page: string }
  | { name: "subPage"; page: string; subPage: string }
  | { name: "embed"; page: string }
  | { name: "notFound" };

export function matchRoute(pathname: string): Route {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: "home" };
  if (parts[0] === "embed") return parts.length === 2 ? { name: "embed", page: parts[1]! } : { name: "notFound" };
  if (parts.length === 1) return { name: "page", page: parts[0]! };
  if (parts.length === 2) return { name: "subPage", page: parts[0]!, subPage: parts[1]! };
  return { name: "notFound" };
}
