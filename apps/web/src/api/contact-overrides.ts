// Staff's contact for a range (issue 14): hosts no registered organization matches reach it before the RIPE
// abuse contact.
import { call } from "./http.ts";
import type { Body } from "./operations.ts";
import type { ContactOverride } from "./types.ts";

export async function listContactOverrides(): Promise<ContactOverride[]> {
  return (await call("get", "/api/contact-overrides/")).overrides;
}

export const createContactOverride = (body: Body<"/api/contact-overrides/", "post">): Promise<ContactOverride> =>
  call("post", "/api/contact-overrides/", { body });

export const removeContactOverride = (id: string) => call("delete", "/api/contact-overrides/{id}", { params: { id } });
