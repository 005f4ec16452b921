export {
  API_TOKEN_PREFIX,
  issueApiToken,
  isApiToken,
  apiTokenId,
  apiTokenMatches,
  type IssuedApiToken,
} from "./api-token.ts";
