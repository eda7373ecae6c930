// The peers Portolan is compared with, each as the static HTML page its documentation suggests,
// loading the same spec JSON from the same local server, deep-linked to the same operation.
// Deep links were checked by hand against these exact versions (see README, Benchmarks):
//   Redoc 3      #/<tag>/<operationId>                   (its own sidebar links)
//   Redoc 2      #tag/<tag>/operation/<operationId>
//   Swagger UI   #/<tag>: Swagger UI splits the hash on "/" after decoding it, so an operationId
//                containing "/" (all of GitHub's: "pulls/get") cannot be deep-linked; its own
//                permalink #/pulls/pulls/get lands nowhere. We link the tag, which scrolls to
//                it, and wait for the operation's summary row (the operation stays collapsed,
//                less work than the others do).
//   Scalar       #tag/<tag>/<METHOD><path>
import type { VisibleCheck } from "./browser";
import { PACKAGES, type Inputs, type PinnedPackage } from "./inputs";
import type { StaticRoutes } from "./static-server";

/** The operation every tool is asked to show. */
export interface BenchOperation {
  operationId: string;
  tag: string;
  method: string;
  path: string;
  summary: string;
}

export interface Target {
  id: string;
  label: string;
  version: string;
  /** Absolute URL, with the deep link. */
  url: string;
  check: VisibleCheck;
  /** Run before each load, untimed (Portolan: make sure the portal is up). */
  prepare?: () => Promise<void>;
}

interface PeerDef {
  pkg: PinnedPackage;
  label: string;
  /** URL prefix the package folder is served under. */
  prefix: string;
  html: (specUrl: string) => string;
  hash: (op: BenchOperation) => string;
  check: (op: BenchOperation) => VisibleCheck;
}

const page = (title: string, head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head><body>${body}</body></html>`;

const PEERS: PeerDef[] = [
  {
    pkg: PACKAGES.redoc3,
    label: "Redoc 3",
    prefix: "/redoc3/",
    html: (spec) => page("Redoc 3", "", `<redoc spec-url="${spec}" disable-telemetry="true"></redoc><script type="module" src="/redoc3/bundles/redoc.standalone.js"></script>`),
    hash: (op) => `#/${op.tag}/${op.operationId}`,
    check: (op) => ({ selector: `[id="${op.tag}/${op.operationId}"] h2`, text: op.summary }),
  },
  {
    pkg: PACKAGES.redoc2,
    label: "Redoc 2",
    prefix: "/redoc2/",
    html: (spec) => page("Redoc 2", "", `<redoc spec-url="${spec}"></redoc><script src="/redoc2/bundles/redoc.standalone.js"></script>`),
    hash: (op) => `#tag/${op.tag}/operation/${op.operationId}`,
    check: (op) => ({ selector: `[id="tag/${op.tag}/operation/${op.operationId}"] h2`, text: op.summary }),
  },
  {
    pkg: PACKAGES.swaggerUi,
    label: "Swagger UI",
    prefix: "/swagger-ui/",
    html: (spec) =>
      page(
        "Swagger UI",
        `<link rel="stylesheet" href="/swagger-ui/swagger-ui.css">`,
        `<div id="swagger-ui"></div><script src="/swagger-ui/swagger-ui-bundle.js"></script><script>SwaggerUIBundle({ url: ${JSON.stringify(spec)}, dom_id: "#swagger-ui", deepLinking: true });</script>`,
      ),
    hash: (op) => `#/${op.tag}`,
    check: (op) => ({ selector: ".opblock-summary-description", text: op.summary }),
  },
  {
    pkg: PACKAGES.scalar,
    label: "Scalar",
    prefix: "/scalar/",
    // withDefaultFonts: false: its fonts come from fonts.scalar.com, which the benchmark does not reach.
    html: (spec) =>
      page("Scalar", "", `<div id="app"></div><script src="/scalar/dist/browser/standalone.js"></script><script>Scalar.createApiReference("#app", { url: ${JSON.stringify(spec)}, withDefaultFonts: false });</script>`),
    hash: (op) => `#tag/${op.tag}/${op.method.toUpperCase()}${op.path}`,
    check: (op) => ({ selector: "h1, h2, h3, h4", text: op.summary }),
  },
];

export const PEER_IDS = PEERS.map((p) => p.pkg.id);

export function peerRoutes(inputs: Inputs): StaticRoutes {
  return {
    pages: Object.fromEntries(PEERS.map((p) => [`/${p.pkg.id}.html`, p.html("/spec.json")])),
    folders: Object.fromEntries(PEERS.map((p) => [p.prefix, inputs.packageDir(p.pkg)])),
    files: { "/spec.json": inputs.specFile },
  };
}

export function peerTargets(origin: string, op: BenchOperation, only?: string[]): Target[] {
  return PEERS.filter((p) => !only || only.includes(p.pkg.id)).map((p) => ({
    id: p.pkg.id,
    label: p.label,
    version: p.pkg.version,
    url: `${origin}/${p.pkg.id}.html${p.hash(op)}`,
    check: p.check(op),
  }));
}
