// Reading Atom feeds in tests without an XML parser: enough to find elements
// and to notice text that was not escaped.
import { expect } from "vitest";

const decode = (s: string) =>
  s.replace(/&#(\d+);|&(amp|lt|gt|quot|apos);/g, (_, code: string | undefined, name: string | undefined) =>
    code ? String.fromCharCode(Number(code)) : { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name!]!,
  );
/** The decoded text of the first `tag` element. */
export const element = (xml: string, tag: string) => decode(new RegExp(`<${tag}(?: [^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? "");
/** The decoded href of the first link with this rel. */
export const linkHref = (xml: string, rel: string) => decode(new RegExp(`<link rel="${rel}"[^>]* href="([^"]*)"`).exec(xml)?.[1] ?? "");

/** Each entry's fields, decoded. */
export function entries(xml: string) {
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, e]) => ({
    id: element(e!, "id"),
    title: element(e!, "title"),
    published: element(e!, "published"),
    updated: element(e!, "updated"),
    link: linkHref(e!, "alternate"),
    content: element(e!, "content"),
  }));
}

/** Tags balance under one root and every `<` and `&` in text or attributes is markup: what unescaped text would break. */
export function expectWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, "");
  const ref = "&(?:#\\d+|amp|lt|gt|quot|apos);";
  const token = new RegExp(`<(/?)([a-z]+)((?:\\s+[a-z:]+="(?:[^"<&]|${ref})*")*)(/?)>|[<&]`, "g");
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(token)) {
    if (m[0] === "&" && body.slice(m.index).match(new RegExp(`^${ref}`))) continue;
    if (!m[2]) throw new Error(`stray "${m[0]}" at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (stack.length === 0) roots++;
    if (m[1]) expect(stack.pop(), `closing ${m[2]}`).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]);
  }
  expect({ roots, open: stack }).toEqual({ roots: 1, open: [] });
}
