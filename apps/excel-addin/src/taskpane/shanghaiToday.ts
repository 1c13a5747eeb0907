import type { IsoDate } from "@houqin/core";

const SHANGHAI = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The school's calendar date (Asia/Shanghai) at an instant, whatever the machine's time zone: the
 * task pane's "today" (only apps read the clock).
 *
 * @param now - the instant, usually `new Date()`
 * @returns the date as "YYYY-MM-DD"
 * @example shanghaiToday(new Date("2023-12-28T16:30:00Z")) // "2023-12-29"
 */
export function shanghaiToday(now: Date): IsoDate {
  const parts = Object.fromEntries(SHANGHAI.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
