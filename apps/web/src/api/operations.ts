import type { paths } from "./openapi.generated.ts";

// The staff API's operations, typed from the document generated from the api's own route schemas
// (openapi.generated.ts, `npm run api:types`): Answer<"/api/lists/{id}", "get"> is what GET /api/lists/:id
// answers. A route that changes shape changes these types, and the console's build says where it breaks.

export type Path = keyof paths;
export type Method = "get" | "post" | "put" | "patch" | "delete";
type Operation<P extends Path, M extends Method> = Exclude<paths[P][M], undefined>;
type Json<R> = R extends { content: { "application/json": infer J } } ? J : null;

/** What a successful call answers (its 200, 201, 202 or 204). */
export type Answer<P extends Path, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? Json<R[Extract<keyof R, 200 | 201 | 202 | 204>]> : never;

/** The JSON body a call takes. */
export type Body<P extends Path, M extends Method> = Json<NonNullable<Operation<P, M>["requestBody"]>>;

/** Its query string. */
export type Query<P extends Path, M extends Method> = NonNullable<Operation<P, M>["parameters"]["query"]>;

/** Its path's parameters: `{ id }` for "/api/lists/{id}". */
export type Params<P extends Path, M extends Method> = Operation<P, M>["parameters"]["path"];

/**
 * The members of a generated union as a list (a select's options), in the console's order: the call does not
 * compile while one is missing or unknown.
 */
export const every =
  <T extends string>() =>
  <const V extends readonly T[]>(...values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : never)) =>
    values as V;
