export { Lcg } from "./random.ts";
export {
  buildRegistry,
  registryNdjson,
  registryCsv,
  ISP_COUNT,
  type BuiltRegistry,
  type BuiltOrganization,
  type BuiltContact,
} from "./registry.ts";
export {
  buildExposureCsv,
  exposureLines,
  EXPOSURE_HEADER,
  type ExposureLine,
  type ExposureOptions,
} from "./exposures.ts";
export {
  ripeDump,
  delegatedStats,
  autNumTruth,
  orgHandle,
  roleHandle,
  roleMailbox,
  RIPE_REAL_SIZE,
  RIPE_DUMP_NEWEST,
  type RipeDumpOptions,
  type RipeDumpFile,
  type RangeTruth,
} from "./ripe-dump.ts";
export {
  scanExchangeLines,
  scanExchangeHeader,
  withWideIspSpace,
  SCAN_EXCHANGE,
  SCAN_EXCHANGE_SPACE,
  type ScanReportOptions,
} from "./scan-report.ts";
export {
  shadowserverSample,
  shadowserverCsv,
  shadowserverCell,
  shadowserverFileName,
  SOURCE_SIDE,
  OTHER_SIDE,
  SAMPLE_TIME,
  type Side,
  type ExpectedRow,
} from "./feeds.ts";
