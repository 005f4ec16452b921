export { CVE_ID_PATTERN, normaliseCveId, isCveId, extractCves } from "./cve.ts";
export {
  rsitFromIntelmq,
  rsitClassOf,
  type RsitClassification,
  type IntelmqClassification,
  type RsitMapping,
} from "./rsit-from-intelmq.ts";
