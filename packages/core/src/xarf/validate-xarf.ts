import type { ErrorObject, ValidateFunction } from "ajv";
import type Ajv2020Class from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { createRequire } from "node:module";
import { XARF_MASTER_SCHEMA, XARF_SCHEMAS } from "./xarf-schemas.ts";

// X-ARF v4 validation with ajv against the published schemas (draft 2020-12, hence Ajv2020; formats such as
// uuid, date-time, email, hostname, uri, ipv4 come from ajv-formats). The master schema picks the type
// schema from category + type and refuses an unknown pair; $ref between files resolve by their $id.

export type XarfProblem = { path: string; message: string };
export type XarfValidation = { ok: true } | { ok: false; problems: XarfProblem[] };

// ajv 8 is resolved from this package's own folder: the repository's top node_modules holds ESLint's ajv 6,
// which is what the api and worker bundles (apps/*/dist, importing dependencies at run time) would get from
// a bare import. The bundler keeps this module's location (scripts/build-server.mjs), so this works there too.
const Ajv2020 = createRequire(import.meta.url)("ajv/dist/2020.js") as typeof Ajv2020Class;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  // The schemas mark recommended fields with this annotation; ajv's strict mode refuses unknown keywords.
  ajv.addKeyword({ keyword: "x-recommended", schemaType: "boolean" });
  for (const schema of XARF_SCHEMAS) ajv.addSchema(schema);
  compiled = ajv.compile(XARF_MASTER_SCHEMA);
  return compiled;
}

const COMBINATORS = new Set(["if", "anyOf", "allOf", "oneOf"]);

const problemOf = (e: ErrorObject): XarfProblem => ({
  path: e.instancePath || "/",
  message:
    e.keyword === "required"
      ? `must have ${String((e.params as { missingProperty: string }).missingProperty)}`
      : (e.message ?? e.keyword),
});

/** Whether `report` is a valid X-ARF v4 report; if not, each problem with its JSON pointer. */
export function validateXarf(report: unknown): XarfValidation {
  const validate = validator();
  if (validate(report)) return { ok: true };
  // The master schema's combinators ("must match a schema in anyOf", "must match \"then\" schema") only
  // repeat that an error below them failed: kept only when nothing more precise was found.
  const errors = validate.errors ?? [];
  const precise = errors.filter((e) => !COMBINATORS.has(e.keyword));
  const problems = (precise.length > 0 ? precise : errors).map(problemOf);
  return { ok: false, problems: [...new Map(problems.map((p) => [`${p.path} ${p.message}`, p])).values()] };
}
