// `npm run db:migrate`: apply prisma/migrations to DATABASE_URL, for deployments that migrate
// as a release step before starting instances. (`npm start` also migrates; deploy is idempotent.)
import { migrateDeploy } from "@/server/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: db:migrate needs the PostgreSQL to migrate (the embedded database migrates itself on `npm start`).");
  process.exit(2);
}
migrateDeploy(url).then(
  () => console.log("migrations applied"),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
