export { RpslReader, type RpslEvents, type RpslSchema } from "./rpsl-reader.ts";
export { RIPE_SCHEMA, RIPE_TYPES, type RipeObjectType } from "./ripe-schema.ts";
export { RipeCollector, MALFORMED_LISTED, type CollectOptions, type MalformedObject } from "./ripe-collector.ts";
export { resolveReach, type ResolveOptions } from "./resolve-reach.ts";
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
export { PrefixMap, PrefixMapBuilder } from "./prefix-map.ts";
export { gunzipIfNeeded, readRpslStream } from "./read-ripe-stream.ts";
export { delegatedAsns } from "./delegated-stats.ts";
export { forEachV4Prefix, rangePrefixes, parseV4 } from "./address-range.ts";
