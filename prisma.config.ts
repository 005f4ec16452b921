import { defineConfig } from "prisma/config";

// The CLI is used for `generate` only; migrations are applied by packages/db (see its README).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/baken" },
});
