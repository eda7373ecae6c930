// @ts-check
// Preloaded into the Next.js process by `npm start` (NODE_OPTIONS=--require). Next keeps a
// client's own X-Forwarded-For when one is present and adds one from the socket otherwise, so a
// route handler can neither tell a request from this machine from one that only claims to be,
// nor whether a proxy relayed it. Before Next sees a request, this stamps it with the TCP peer
// address and with whether it arrived carrying forwarding headers, under header names clients
// cannot set (whatever they send is overwritten), and marks the process so
// lib/http/client-ip.ts trusts those headers only here: without this preload (e.g. `next start`
// run by hand) the peer is unknown and loopback-only features stay closed.
const { wrapEveryRequestListener } = require("./wrap-request-listener.cjs");

const HEADER = "x-portolan-peer";
const FORWARDED_HEADER = "x-portolan-forwarded";
const FORWARDING = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip", "via", "x-client-ip", "cf-connecting-ip", "true-client-ip"];
globalThis[Symbol.for("portolan.peerHeader")] = HEADER;

wrapEveryRequestListener((listener) =>
  function stampPeer(req, res) {
    req.headers[HEADER] = req.socket?.remoteAddress ?? "";
    req.headers[FORWARDED_HEADER] = FORWARDING.some((h) => req.headers[h] !== undefined) ? "1" : "0";
    return listener.call(this, req, res);
  },
);
