import type { LayoutInfo } from "./plan-columns.ts";
import type { ReportTypeSpec } from "./shadowserver/report-type-spec.ts";
import { narrowByIpVersion } from "./shadowserver/report-types.ts";

/** Tracks the IP version of the first row, to tell apart report types that share a header. */
export class ReportTypeOf {
  private version: 4 | 6 | null = null;
  constructor(private readonly layout: LayoutInfo) {}
  get needed(): boolean {
    return this.version === null && this.layout.reportTypeCandidates.length > 1;
  }
  saw(version: 4 | 6): void {
    this.version = version;
  }
  settle(): ReportTypeSpec | null {
    const candidates = this.layout.reportTypeCandidates;
    if (candidates.length <= 1) return this.layout.reportType;
    const left = this.version === null ? candidates : narrowByIpVersion(candidates, this.version);
    return left.length === 1 ? left[0]! : null;
  }
}
