// One gateway verification server in its own process, for scripts/bench-verify/index.ts.
// argv: <port> <databaseUrl> <dataDir>; prints "ready" when listening.
import { startGatewayServer } from "@/server/gateway";

async function main() {
  const [port, databaseUrl, dataDir] = process.argv.slice(2);
  const server = await startGatewayServer({ port: Number(port), host: "127.0.0.1", databaseUrl: databaseUrl!, dataDir: dataDir! });
  process.on("SIGTERM", () => void server.stop().then(() => process.exit(0)));
  console.log("ready");
}

void main();
