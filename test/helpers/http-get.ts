// Plain GETs against a started app, with the SQL statements each one ran.
import { expect } from "vitest";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** SQL statements the request ran. */
  statements: number;
}

/** `get` and `json` against `origin()` (known once the app started), counting what `statements` (the app's SQL log) gains. */
export function httpGetter(origin: () => string, statements: { length: number }) {
  async function get(path: string, init: RequestInit = {}): Promise<Answer> {
    const before = statements.length;
    const res = await fetch(`${origin()}${path}`, init);
    return { status: res.status, headers: res.headers, text: await res.text(), statements: statements.length - before };
  }
  /** A 200 JSON answer, parsed. */
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer the test reads as its own endpoint shapes it
  async function json(path: string): Promise<any> {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get("content-type"), path).toBe("application/json; charset=utf-8");
    return JSON.parse(res.text);
  }
  return { get, json };
}
