import type { Lang } from "./i18n.js";
import { localize } from "./i18n.js";
import type { IsoDate } from "./isoDate.js";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * The last day of a month, given as "YYYY-MM" or as any date in it.
 *
 * @example
 * monthEnd("2024-02") // "2024-02-29"
 * monthEnd("2023-11-15") // "2023-11-30"
 */
export function monthEnd(month: string): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 7)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate(), 2)}`;
}

/**
 * The month after a month ("YYYY-MM", or any date in it), as "YYYY-MM".
 *
 * @example
 * nextMonth("2023-12") // "2024-01"
 */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${pad(y + 1, 4)}-01` : `${month.slice(0, 4)}-${pad(m + 1, 2)}`;
}

/**
 * A month ("YYYY-MM", or any date in it) as people write it: 2023年11月, or 2023-11 in English.
 *
 * @example
 * monthLabel("2023-11", "zh-CN") // "2023年11月"
 */
export function monthLabel(month: string, lang: Lang): string {
  return localize({ "zh-CN": "{y}年{m}月", en: "{y}-{mm}" }, lang, {
    y: month.slice(0, 4),
    m: Number(month.slice(5, 7)),
    mm: month.slice(5, 7),
  });
}

/**
 * The median of some numbers, or null for none.
 *
 * @example
 * median([3, 1, 2, 10]) // 2.5
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
