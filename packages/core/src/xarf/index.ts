export { validateXarf, type XarfProblem, type XarfValidation } from "./validate-xarf.ts";
export { xarfKindFor, type XarfKind, type XarfKindInput, type XarfKindChoice } from "./xarf-kind.ts";
export {
  buildXarfReport,
  XARF_VERSION,
  type XarfReport,
  type BuiltXarf,
  type BuildXarfInput,
} from "./build-xarf-report.ts";
export { xarfReportId } from "./xarf-report-id.ts";
export { tlpTag } from "./xarf-tags.ts";
export type { XarfReporterInput, XarfCampaignInput, XarfHostInput } from "./xarf-input.ts";
