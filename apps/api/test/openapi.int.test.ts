import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { buildTestApp } from "./helper.ts";

type Operation = { responses: Record<string, unknown>; security?: unknown[]; requestBody?: unknown };

describe("OpenAPI document", () => {
  let app: App;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    app = await buildTestApp();
    const res = await app.inject({ url: "/docs/json" });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(() => app.close());

  it("lists the routes, with their request schemas", () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/healthz",
        "/readyz",
        "/api/auth/login",
        "/api/auth/logout",
        "/api/auth/me",
        "/api/audit/",
      ]),
    );
    expect(doc.paths["/api/auth/login"]!.post!.requestBody).toMatchObject({
      content: { "application/json": { schema: { required: ["email", "password"] } } },
    });
    // Sign-in is the one staff operation that needs no token.
    expect(doc.paths["/api/auth/login"]!.post!.security).toEqual([]);
  });

  it("gives every staff API operation a success schema and the shared error shape", () => {
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/api/"))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ route: `${method} ${path}`, op })),
      );
    expect(operations.length).toBeGreaterThan(0);
    for (const { route, op } of operations) {
      const codes = Object.keys(op.responses);
      expect(
        codes.some((c) => c.startsWith("2")),
        `${route} declares a success response`,
      ).toBe(true);
      expect(op.responses["400"], `${route} declares the error shape`).toMatchObject({
        content: { "application/json": { schema: { required: ["error", "message"] } } },
      });
    }
  });

  it("serves the UI at /docs", async () => {
    const res = await app.inject({ url: "/docs" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toContain("swagger");
  });
});
