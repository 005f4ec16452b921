export { CVE_ID_PATTERN, normaliseCveId, isCveId, extractCves, cveRecordUrl, nvdUrl } from "./cve.ts";
export {
  rsitFromIntelmq,
  rsitClassOf,
  rsitPair,
  type RsitClassification,
  type IntelmqClassification,
  type RsitMapping,
} from "./rsit-from-intelmq.ts";
