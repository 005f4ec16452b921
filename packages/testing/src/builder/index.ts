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
