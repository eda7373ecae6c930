// A real OpenID Connect provider for the end-to-end tests (oidc-provider, with its development
// login and consent pages): any login name is accepted and becomes the subject and the email
// address; a name starting with "unverified" gets `email_verified: false`.
import type { Server } from "node:http";
import Provider from "oidc-provider";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } from "./test-servers";

export interface TestOidcServer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

export async function startOidcServer(opts: { port: number; redirectUri: string }): Promise<TestOidcServer> {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const clientId = OIDC_CLIENT_ID;
  const clientSecret = OIDC_CLIENT_SECRET;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [opts.redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    scopes: ["openid", "email", "profile"],
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ["portolan-e2e-cookie-key-0123456789"] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: id, email_verified: !id.startsWith("unverified"), name: `Test ${id.split("@")[0]}` };
        },
      };
    },
    renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = `<h1>OIDC error</h1><pre>${JSON.stringify(out).replace(/</g, "&lt;")}</pre>`;
    },
  });
  provider.proxy = false;
  const server: Server = await new Promise((resolve, reject) => {
    const s = provider.listen(opts.port, "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
