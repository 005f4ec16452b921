import type { App } from "../../src/app.ts";

// Driving the owner's page as a browser without JavaScript would: load it, read the form's hidden fields,
// post the form url-encoded.

export async function openPage(app: App, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ url, headers });
  const formToken = /name="formToken"\s+value="([^"]+)"/.exec(res.body)?.[1];
  return { res, form: { formToken: formToken ?? "" } };
}

export function postForm(app: App, url: string, fields: Record<string, string>, remoteAddress = "127.0.0.1") {
  return app.inject({
    method: "POST",
    url,
    remoteAddress,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** Loads the page and posts one of its forms with `fields` added to the hidden ones. */
export async function answer(app: App, token: string, fields: Record<string, string>, remoteAddress?: string) {
  const { form } = await openPage(app, `/r/${token}`);
  return postForm(app, `/r/${token}`, { ...form, ...fields }, remoteAddress);
}
