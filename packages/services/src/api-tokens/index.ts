export { createApiToken } from "./create-api-token.ts";
export { listApiTokens } from "./list-api-tokens.ts";
export { revokeApiToken } from "./revoke-api-token.ts";
export { authenticateApiToken, API_TOKEN_USE_EVERY_SECONDS, type TokenIdentity } from "./authenticate-api-token.ts";
export { apiTokenView, type ApiTokenView } from "./api-token-view.ts";
