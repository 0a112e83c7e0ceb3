// Resolvers cannot touch the HTTP response, yet signing out must clear the
// session cookie. A resolver queues the Set-Cookie value against its request;
// this Yoga plugin copies it onto the response.
import type { Plugin } from "graphql-yoga";

const pending = new WeakMap<Request, string[]>();

export function queueResponseCookie(request: Request, value: string): void {
  const list = pending.get(request);
  if (list) list.push(value);
  else pending.set(request, [value]);
}

export function useResponseCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const value of pending.get(request) ?? []) response.headers.append("set-cookie", value);
      pending.delete(request);
    },
  };
}
