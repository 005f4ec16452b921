export {
  readSearchQuery,
  SEARCH_KINDS,
  MIN_TEXT_SEARCH,
  MAX_SEARCH_CHARS,
  type SearchQuery,
  type ReadSearch,
} from "./search-query.ts";
