// One search box for everything: an address, a network, a name, an e-mail, a reference.
import { call } from "./http.ts";

export const search = (q: string) => call("get", "/api/search/", { query: { q } });
