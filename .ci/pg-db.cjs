// node .ci/pg-db.cjs create|drop <name>: a fresh database per CI run on the PostgreSQL at
// CI_PG_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
const { Client } = require("pg");

const [action, name] = process.argv.slice(2);
if (!/^(create|drop)$/.test(action ?? "") || !/^[a-z_][a-z0-9_]{0,62}$/.test(name ?? "")) {
  console.error("usage: node .ci/pg-db.cjs create|drop <lowercase_name>");
  process.exit(2);
}
const client = new Client({ connectionString: process.env.CI_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
client
  .connect()
  .then(() => client.query(action === "create" ? `CREATE DATABASE "${name}"` : `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
  .then(() => client.end())
  .catch((e) => {
    console.error(`${action} database ${name} failed: ${e.message}`);
    process.exit(1);
  });
