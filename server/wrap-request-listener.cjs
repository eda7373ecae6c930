// @ts-check
// The one way our preloads (NODE_OPTIONS=--require into the Next process) reach its requests:
// wrap the request listener of every HTTP server created after they load. Each call patches
// http.createServer on top of the previous patch, so a module required earlier runs first.
const http = require("node:http");

/**
 * @param {(listener: (req: http.IncomingMessage, res: http.ServerResponse) => unknown) => (req: http.IncomingMessage, res: http.ServerResponse) => unknown} wrap
 */
function wrapEveryRequestListener(wrap) {
  const createServer = http.createServer;
  /** @type {any} */ (http).createServer = function patchedCreateServer(/** @type {any[]} */ ...args) {
    const i = args.findIndex((a) => typeof a === "function");
    if (i >= 0) args[i] = wrap(args[i]);
    return createServer.apply(this, /** @type {any} */ (args));
  };
}

module.exports = { wrapEveryRequestListener };
