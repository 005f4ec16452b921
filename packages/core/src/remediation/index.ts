export * from "./owner-answers.ts";
export * from "./owner-form.ts";
