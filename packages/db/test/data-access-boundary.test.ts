import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// packages/db is the one data-access layer (README.md, Architecture): the use cases (packages/services) and
// the apps call its functions and never reach PostgreSQL themselves. This test reads their sources (the
// syntax tree, so comments and prose do not count) and names every place that does.

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SCANNED = ["packages/services/src", ...readdirSync(join(ROOT, "apps")).map((app) => `apps/${app}/src`)];

/** Drivers and clients only packages/db may import. */
const DRIVERS = /^(pg|pg-copy-streams|@prisma\/.*)$/;
/** What @baken/db exports for tooling (seeds, benchmarks), not for use cases. */
const LOW_LEVEL = new Set(["withClient", "withClientTransaction", "Prisma", "PrismaClient"]);
/** Prisma's raw queries and transactions. */
const PRISMA_METHODS = new Set(["$queryRaw", "$queryRawUnsafe", "$executeRaw", "$executeRawUnsafe", "$transaction"]);
/** The database's handles: typed Prisma models and the pg pool. */
const HANDLES = new Set(["prisma", "pool"]);
/** A statement of SQL in a string: upper-case keywords as Baken writes them. */
const SQL =
  /\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+"?\w+"?\s+(\w+\s+)?SET\b|\bDELETE\s+FROM\b|\bCOPY\s+"?\w+"?\s*(\(|FROM\b|TO\b)/;

function findDataAccess(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      if (DRIVERS.test(from)) at(node, `imports ${from}`);
      const names = node.importClause?.namedBindings;
      if (from === "@baken/db" && names && ts.isNamedImports(names)) {
        for (const n of names.elements) {
          const name = (n.propertyName ?? n.name).text;
          if (LOW_LEVEL.has(name)) at(n, `imports ${name} from @baken/db`);
        }
      }
    } else if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      if (PRISMA_METHODS.has(name)) at(node, `calls Prisma's ${name}`);
      else if (HANDLES.has(name)) at(node, `reaches the database's ${name}`);
      else if (ts.isIdentifier(node.expression) && HANDLES.has(node.expression.text))
        at(node, `uses the database's ${node.expression.text}`);
      else if (name === "query" && ts.isCallExpression(node.parent) && node.parent.expression === node)
        at(node, "runs a query on a connection");
    } else if (ts.isBindingElement(node)) {
      const name = (node.propertyName ?? node.name).getText(source);
      if (HANDLES.has(name)) at(node, `takes the database's ${name}`);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      if (SQL.test(node.getText(source))) at(node, "holds SQL");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

describe("data access", () => {
  it("is packages/db's alone: no SQL, Prisma or pg in packages/services/src and apps/*/src", () => {
    const files = SCANNED.flatMap((dir) => sources(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((path) => findDataAccess(relative(ROOT, path), readFileSync(path, "utf8")));
    expect(found).toEqual([]);
  });

  it("is found in each form this test forbids", () => {
    const bad = {
      "prisma model": `await ctx.db.prisma.campaign.findMany();`,
      "prisma destructured": `const { prisma } = ctx.db;`,
      "raw query": "await tx.$queryRaw`SELECT 1`;",
      "unsafe raw": `await tx.$executeRawUnsafe("x");`,
      "prisma transaction": `await db.$transaction(async () => {});`,
      "pool query": `await ctx.db.pool.query("SELECT 1");`,
      "pool connect": `const c = await pool.connect();`,
      "client query": `await client.query(text);`,
      "pg import": `import pg from "pg";`,
      "copy import": `import { from } from "pg-copy-streams";`,
      "prisma import": `import { Prisma } from "@prisma/client";`,
      "low-level import": `import { withClientTransaction, type Db } from "@baken/db";`,
      "namespace import": `import { Prisma } from "@baken/db";`,
      "sql string": `const q = "SELECT id FROM notice WHERE id = $1";`,
      "sql template": 'const q = `UPDATE "notice" SET status = ${s}`;',
      "sql insert": "const q = `INSERT INTO audit_event (action) VALUES ($1)`;",
      "sql copy": 'const q = `COPY "exposure" (${columns}) FROM STDIN`;',
    };
    for (const [what, code] of Object.entries(bad)) expect(findDataAccess("x.ts", code), what).not.toEqual([]);
    const fine = `// SELECT * FROM notice, in a comment
      import { withTransaction, findCampaign } from "@baken/db";
      const label = "Select a campaign from the list";
      await withTransaction(ctx.db, (tx) => findCampaign(tx, id));
      request.query.page;`;
    expect(findDataAccess("x.ts", fine)).toEqual([]);
  });
});
