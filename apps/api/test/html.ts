// Server-rendered pages are asserted on as markup; how their templates wrap lines is not part of what is
// tested. This folds layout whitespace so assertions read like the markup a browser sees.
export const tidyHtml = (body: string) =>
  body
    .replace(/\s+/g, " ")
    .replace(/>\s+</g, "><")
    .replace(/\s+(\/?>)/g, (_, end: string) => (end === "/>" ? " />" : ">"));
