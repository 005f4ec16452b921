// The owner's pages, one file per page and per part of a page.
export { donePage } from "./done-page.ts";
export { ownerPage } from "./owner-page.ts";
export { problemPage } from "./problem-page.ts";
export type { Cert, Posted } from "./types.ts";
