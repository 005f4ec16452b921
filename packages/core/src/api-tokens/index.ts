export {
  API_TOKEN_PREFIX,
  issueApiToken,
  isApiToken,
  apiTokenId,
  apiTokenMatches,
  type IssuedApiToken,
} from "./api-token.ts";
export {
  API_TOKEN_ROLES,
  API_TOKEN_MAX_DAYS,
  apiTokenInputSchema,
  apiTokenStatus,
  type ApiTokenRole,
  type ApiTokenInput,
  type ApiTokenStatus,
} from "./api-token-input.ts";
