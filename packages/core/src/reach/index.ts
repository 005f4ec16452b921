export { RpslReader, type RpslEvents, type RpslSchema } from "./rpsl-reader.ts";
export { RIPE_SCHEMA, RIPE_TYPES, type RipeObjectType } from "./ripe-schema.ts";
export {
  RipeCollector,
  MALFORMED_LISTED,
  countryCode,
  type CollectOptions,
  type MalformedObject,
  type ReadRange,
} from "./ripe-collector.ts";
export { resolveReach, type ResolveOptions } from "./resolve-reach.ts";
export { ReachStream, type StreamedRange } from "./stream-reach.ts";
export { RangeSweep, type SweptRange, type SweptSource } from "./range-sweep.ts";
export {
  prefixRows,
  asnRows,
  reachAnswer,
  type ReachData,
  type ReachReport,
  type RangeCounts,
  type ReachAnswer,
  type ReachKind,
  type ReachPrefixRow,
  type ReachAsnRow,
} from "./reach-data.ts";
export { ReachLookup } from "./reach-lookup.ts";
export { mailboxCountryRows, countryText } from "./mailbox-country.ts";
export { PrefixMap, PrefixMapBuilder } from "./prefix-map.ts";
export { PackedAnswers } from "./packed-answers.ts";
export { lookupMayConnect, parseNetworks } from "./lookup-address.ts";
export { gunzipIfNeeded, readRpslStream } from "./read-ripe-stream.ts";
export { delegatedAsns } from "./delegated-stats.ts";
export { forEachV4Prefix, rangePrefixes, parseV4 } from "./address-range.ts";
export {
  parseSecurityTxt,
  securityTxtUrls,
  registeredDomain,
  SECURITY_TXT_MAX_BYTES,
  type SecurityTxt,
  type SecurityTxtResult,
} from "./security-txt.ts";
export {
  parseRdapBootstrap,
  rdapServersForIp,
  rdapServersForAsn,
  rdapQueryUrl,
  type RdapBootstrap,
} from "./rdap-bootstrap.ts";
export {
  parseRdapIpNetwork,
  parseRdapAutnum,
  findAbuse,
  jcardEmails,
  rdapTtl,
  RDAP_TTL,
  type RdapNetwork,
  type RdapAutnum,
  type RdapAbuse,
  type RdapCaching,
  type RdapResult,
} from "./rdap-answer.ts";
export {
  withFallback,
  addFallbackContacts,
  abuseContactOrganizationId,
  isFallbackReason,
  FALLBACK_REASONS,
  ResultMemo,
  type FallbackAnswer,
  type FallbackContact,
  type FallbackData,
  type FallbackMatcher,
  type FallbackSource,
  type ContactOverrideTarget,
} from "./fallback-matcher.ts";
export { fallbackLanguage, domainCountry } from "./notice-language.ts";
