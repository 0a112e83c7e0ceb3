// A real OpenID provider (oidc-provider) on loopback for sign-in tests. Interactions are
// programmatic: whoever the test chose with `signInAs` is logged in and consents at once,
// so a test drives the whole redirect flow with plain HTTP requests (see redirect-browser.ts).
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import Provider, { type ClientMetadata, type KoaContextWithOIDC } from "oidc-provider";

export interface AccountClaims {
  sub: string;
  email?: string;
  email_verified?: boolean;
  /** Microsoft Entra ID's "email domain owner verified". */
  xms_edov?: boolean;
  name?: string;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestProviderOptions {
  clients: TestClient[];
  /** Lifetime of ID tokens in seconds (default 60). */
  idTokenTtlSeconds?: number;
  /** Put email and name in the ID token too; by default (as many providers do for the code flow) only userinfo has them. */
  claimsInIdToken?: boolean;
}

export interface TestProvider {
  issuer: string;
  /** Who the next interactions log in as (until called again). */
  signInAs(claims: AccountClaims): void;
  /** Rewrites the id_token of the next token response, as an attacker between client and provider would. */
  rewriteNextIdToken(rewrite: (idToken: string) => string): void;
  /** Token endpoint responses served so far (a replayed code is refused, not served). */
  tokensIssued(): number;
  close(): Promise<void>;
}

/** Starts a provider on 127.0.0.1 with a port of its own; PKCE is required of every client. */
export async function startOidcProvider(options: TestProviderOptions): Promise<TestProvider> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let account: AccountClaims = { sub: "nobody" };
  let rewrite: ((idToken: string) => string) | null = null;
  let issued = 0;
  const signingKey = {
    ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
    kid: randomUUID(),
    use: "sig",
    alg: "RS256",
  };

  const provider = new Provider(issuer, {
    clients: options.clients.map(
      (c): ClientMetadata => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uris: c.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      }),
    ),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomUUID()] },
    claims: { openid: ["sub"], email: ["email", "email_verified", "xms_edov"], profile: ["name"] },
    conformIdTokenClaims: !options.claimsInIdToken,
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => (id === account.sub ? { ...account } : { sub: id }) }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { IdToken: options.idTokenTtlSeconds ?? 60, AccessToken: 60, Grant: 600, Interaction: 600, Session: 600 },
  });
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    await next();
    if (ctx.path !== "/token" || ctx.status !== 200) return;
    issued++;
    const body = ctx.body as { id_token?: string };
    if (rewrite && body.id_token) {
      ctx.body = { ...body, id_token: rewrite(body.id_token) };
      rewrite = null;
    }
  });

  const providerHandler = provider.callback();
  const interact = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    const grant = new provider.Grant({ accountId: account.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: account.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith("/interaction/")) {
      interact(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
      return;
    }
    void providerHandler(req, res);
  });

  return {
    issuer,
    signInAs(claims) {
      account = claims;
    },
    rewriteNextIdToken(fn) {
      rewrite = fn;
    },
    tokensIssued: () => issued,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
