// A browser reduced to what a redirect flow needs: it follows redirects one hop at a time
// and keeps each origin's cookies (Set-Cookie with Max-Age=0 or an Expires at the epoch removes one), so a test sees
// every hop and can stop before one.
export interface Hop {
  url: URL;
  response: Response;
}

export interface TestBrowser {
  /** One request, cookies sent and stored; redirects not followed. */
  get(url: URL | string): Promise<Response>;
  /**
   * Follows redirects from `url` until a response is not a redirect, or until the next
   * URL satisfies `stopBefore` (not requested; returned as `next`).
   */
  follow(url: URL | string, stopBefore?: (next: URL) => boolean): Promise<{ hops: Hop[]; last: Response; next: URL | null }>;
  cookies(origin: string): Map<string, string>;
}

const MAX_HOPS = 20;

export function createBrowser(): TestBrowser {
  const jar = new Map<string, Map<string, string>>();
  const cookiesOf = (origin: string) => jar.get(origin) ?? jar.set(origin, new Map()).get(origin)!;
  const get = async (target: URL | string) => {
    const url = new URL(target);
    const cookie = [...cookiesOf(url.origin)].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";").map((part) => part.trim());
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const removed = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=thu, 01 jan 1970/i.test(a));
      if (removed) cookiesOf(url.origin).delete(name);
      else cookiesOf(url.origin).set(name, pair!.slice(eq + 1));
    }
    return response;
  };
  return {
    get,
    cookies: cookiesOf,
    async follow(start, stopBefore) {
      const hops: Hop[] = [];
      let url = new URL(start);
      for (let i = 0; i < MAX_HOPS; i++) {
        const response = await get(url);
        hops.push({ url, response });
        const location = response.headers.get("location");
        if (response.status < 300 || response.status >= 400 || !location) return { hops, last: response, next: null };
        await response.arrayBuffer();
        url = new URL(location, url);
        if (stopBefore?.(url)) return { hops, last: response, next: url };
      }
      throw new Error(`more than ${MAX_HOPS} redirects from ${start}`);
    },
  };
}
