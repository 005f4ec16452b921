import { RSIT, isRsitClass, isRsitTypeOf, type RsitClass, type RsitType } from "../reports/rsit.ts";

// IntelMQ's classification (Shadowserver's intelmq.json constant_fields: classification.taxonomy / .type)
// follows RSIT "with extensions". RSIT values map to themselves; the extensions IntelMQ still emits or
// emitted (its taxonomy expert's list) map to the RSIT type that says the same thing, or are refused.

export type RsitClassification = { rsitClass: RsitClass; rsitType: RsitType };

export type IntelmqClassification = { taxonomy?: string | null; type: string };

export type RsitMapping = ({ ok: true } & RsitClassification) | { ok: false; reason: string };

/**
 * IntelMQ types outside RSIT, with the RSIT type each one means. `blocklist` (Shadowserver's "blacklist"
 * before 2021) says where an address is listed, not what it did: RSIT has nothing closer than other/other;
 * the X-ARF table tells a blocklist apart by its classification identifier.
 */
const INTELMQ_EXTENSIONS: Record<string, RsitClassification> = {
  blocklist: { rsitClass: "other", rsitType: "other" },
  blacklist: { rsitClass: "other", rsitType: "other" },
  proxy: { rsitClass: "other", rsitType: "other" },
  tor: { rsitClass: "other", rsitType: "other" },
  unknown: { rsitClass: "other", rsitType: "undetermined" },
  "vulnerable-service": { rsitClass: "vulnerable", rsitType: "vulnerable-system" },
  "vulnerable-client": { rsitClass: "vulnerable", rsitType: "vulnerable-system" },
  compromised: { rsitClass: "intrusions", rsitType: "system-compromise" },
};

/** A stored class and type as RSIT's own values, or null when either is missing or not (or no longer) RSIT's. */
export function rsitPair(rsitClass: string | null, rsitType: string | null): RsitClassification | null {
  return rsitClass && isRsitClass(rsitClass) && rsitType && isRsitTypeOf(rsitClass, rsitType)
    ? { rsitClass, rsitType }
    : null;
}

/** The RSIT class of an RSIT type (each type belongs to exactly one class). */
export function rsitClassOf(type: string): RsitClass | null {
  for (const rsitClass of Object.keys(RSIT) as RsitClass[]) {
    if ((RSIT[rsitClass] as readonly string[]).includes(type)) return rsitClass;
  }
  return null;
}

/**
 * An IntelMQ / Shadowserver classification as RSIT. The type decides (it belongs to one class); a taxonomy
 * given that is not that class is refused rather than silently overridden, since one of the two is wrong.
 */
export function rsitFromIntelmq({ taxonomy, type }: IntelmqClassification): RsitMapping {
  const t = type.trim().toLowerCase();
  const rsitClass = rsitClassOf(t);
  const mapped: RsitClassification | undefined = rsitClass
    ? { rsitClass, rsitType: t as RsitType }
    : INTELMQ_EXTENSIONS[t];
  if (!mapped) {
    return { ok: false, reason: `IntelMQ classification type "${type}" has no RSIT equivalent` };
  }
  const given = taxonomy?.trim().toLowerCase();
  if (given && given !== mapped.rsitClass) {
    const known = isRsitClass(given) ? "" : " (not an RSIT class)";
    return {
      ok: false,
      reason: `IntelMQ taxonomy "${taxonomy}"${known} does not match type "${type}", which is RSIT class "${mapped.rsitClass}"`,
    };
  }
  return { ok: true, ...mapped };
}
