import { call } from "./http.ts";
import type { ApiToken, ApiTokenInput, CreatedApiToken } from "./types.ts";

export async function listTokens(): Promise<ApiToken[]> {
  return (await call("get", "/api/tokens/")).tokens;
}

export const createToken = (body: ApiTokenInput): Promise<CreatedApiToken> => call("post", "/api/tokens/", { body });

export const revokeToken = (id: string) => call("delete", "/api/tokens/{id}", { params: { id } });
