// A notice's human reference, quoted in subjects and replies: BAKEN#<UTC date>-<8-digit sequence number>.
// The number comes from the notice_reference_seq sequence, so it is unique across all days.

export const NOTICE_REFERENCE_PATTERN = /^BAKEN#\d{8}-\d{8,}$/;

export function formatNoticeReference(at: Date, sequence: number): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, "");
  return `BAKEN#${day}-${String(sequence).padStart(8, "0")}`;
}
