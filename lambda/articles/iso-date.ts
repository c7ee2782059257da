const ISO_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
/** Written dates Date.parse reads reliably: "March 29, 2022", "29 Mar 2022", "Tue, 29 Mar 2022 10:00 GMT", "2022/03/29". */
const WRITTEN_DATE =
  /^(?:[A-Za-z]{3,9},?\s+)?(?:\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}\/\d{1,2}\/\d{1,2})\b/;
const EXPLICIT_ZONE = /(?:GMT|UTC|Z|[+-]\d{2}:?\d{2})\s*$/;

function isoFromParts(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Reads a publication date as YYYY-MM-DD, or null when the text is not a date. An ISO timestamp keeps
 * its own calendar day (the day where it was published), whatever its offset.
 */
export function toIsoDate(value: string): string | null {
  const text = value.trim();
  const iso = ISO_PREFIX.exec(text);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (!WRITTEN_DATE.test(text)) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  return EXPLICIT_ZONE.test(text)
    ? isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
    : isoFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
