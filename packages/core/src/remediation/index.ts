export * from "./owner-answers.ts";
export * from "./owner-form.ts";
export { formToken as ownerFormToken, checkFormToken as checkOwnerFormToken } from "./form-token.ts";
