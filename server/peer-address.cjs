// @ts-check
// Preloaded into the Next.js process by `npm start` (NODE_OPTIONS=--require). Next copies a
// client's own X-Forwarded-For into the request when one is present, so a route handler cannot
// tell a request from this machine from one that only claims to be. This stamps every request
// with the TCP peer address under a header name clients cannot set (any value they send is
// overwritten), and marks the process so lib/http/client-ip.ts trusts that header only here:
// without this preload (e.g. `next start` run by hand) the peer is unknown and loopback-only
// features stay closed.
const http = require("node:http");

const HEADER = "x-portolan-peer";
globalThis[Symbol.for("portolan.peerHeader")] = HEADER;

const createServer = http.createServer;
/** @type {any} */ (http).createServer = function patchedCreateServer(/** @type {any[]} */ ...args) {
  const i = args.findIndex((a) => typeof a === "function");
  if (i >= 0) {
    const listener = args[i];
    args[i] = function stampPeer(/** @type {http.IncomingMessage} */ req, /** @type {http.ServerResponse} */ res) {
      req.headers[HEADER] = req.socket?.remoteAddress ?? "";
      return listener.call(this, req, res);
    };
  }
  return createServer.apply(this, /** @type {any} */ (args));
};
