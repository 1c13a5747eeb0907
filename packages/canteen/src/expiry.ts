import { addDaysIso, type IsoDate, normalizeText } from "@houqin/core";
import {
  type CellInput,
  type CellIssueParams,
  type CellSchema,
  type CheckContext,
  cells,
} from "@houqin/workbook";
import { z } from "zod";

/** Where a licence or certificate stands on a day. */
export type ExpiryState = "expired" | "expiring" | "valid";

/** The default warning period for licences and health certificates, in calendar days. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 30;

/**
 * How many days before an expiry date houqin warns: the setting 证照到期提醒天数 (also 到期提醒天数),
 * default {@link DEFAULT_EXPIRY_WARNING_DAYS}. Used for supplier licences and health certificates alike.
 *
 * @param ctx - the check context
 * @returns the warning period in calendar days
 */
export function expiryWarningDays(ctx: CheckContext): number {
  return ctx.setting(
    ["证照到期提醒天数", "到期提醒天数", "证件到期提醒天数", "expiry warning days"],
    cells.integer(),
    DEFAULT_EXPIRY_WARNING_DAYS,
  );
}

/**
 * A licence or certificate's state on a day. The expiry date itself is still valid ("有效期至" is
 * inclusive); it is "expiring" from `warningDays` days before it.
 *
 * @param expires - the last valid day
 * @param on - the day in question
 * @param warningDays - how many days ahead to warn
 * @returns "expired", "expiring" or "valid"
 * @example
 * expiryState("2023-10-31", "2023-11-01", 30) // "expired"
 * expiryState("2023-10-31", "2023-10-15", 30) // "expiring"
 */
export function expiryState(expires: IsoDate, on: IsoDate, warningDays: number): ExpiryState {
  if (expires < on) return "expired";
  return expires <= addDaysIso(on, warningDays) ? "expiring" : "valid";
}

/** The expiry date houqin gives a licence that never expires (长期, 永久, 无固定期限). */
export const LONG_TERM_EXPIRY: IsoDate = "9999-12-31";

/**
 * Whether an expiry date is {@link LONG_TERM_EXPIRY}, a licence without an end.
 *
 * @param date - an expiry date
 * @returns true for a long-term licence
 * @example
 * isLongTerm("9999-12-31") // true
 */
export function isLongTerm(date: IsoDate): boolean {
  return date === LONG_TERM_EXPIRY;
}

/** Text that means a licence has no end date: 长期, 长期有效, 永久, 永久有效, 无固定期限, long-term… */
const LONG_TERM_RE =
  /^(?:长期|长期有效|永久|永久有效|无固定期限|无期限|不限期|long[- ]?term|permanent|indefinite)$/i;

/** The separators of a period written as a range: "2015年3月1日至长期", "2020-01-01~2030-12-31". */
const RANGE_RE = /^(.+?)(?:\s*(?:至|到|~|—+|–)\s*|\s+-\s+)(.+)$/;

/**
 * The cell schema of a licence's expiry date: a date as {@link cells.date} reads it, and besides
 * - 长期, 长期有效, 永久, 无固定期限 (the long-term business licences common in China) → {@link LONG_TERM_EXPIRY};
 * - a period written as a range, "2015年3月1日至长期" or "2020-01-01至2030-12-31" → its end.
 *
 * Anything else unreadable gives the date schema's own bilingual issue.
 *
 * @returns the schema, for the `licenceExpiry` and `foodLicenceExpiry` fields of `canteen.suppliers`
 * @example
 * expiryCell().parse({ value: "长期", text: "长期", dateSystem: "1900" }) // "9999-12-31"
 * expiryCell().parse({ value: "2015-03-01至2035-02-28", text: "…", dateSystem: "1900" }) // "2035-02-28"
 */
export function expiryCell(): CellSchema<IsoDate> {
  const date = cells.date();
  return z
    .custom<CellInput>((v) => typeof v === "object" && v !== null && "value" in v)
    .transform((cell, ctx) => {
      if (typeof cell.value === "string") {
        const text = normalizeText(cell.value);
        if (LONG_TERM_RE.test(text)) return LONG_TERM_EXPIRY;
        const range = RANGE_RE.exec(text);
        const end = range?.[2];
        if (end !== undefined) {
          if (LONG_TERM_RE.test(end)) return LONG_TERM_EXPIRY;
          const out = date.safeParse({ ...cell, value: end, text: end });
          if (out.success) return out.data;
        }
      }
      const out = date.safeParse(cell);
      if (out.success) return out.data;
      for (const issue of out.error.issues) {
        const params = (issue as { params?: CellIssueParams }).params;
        ctx.addIssue({
          code: "custom",
          message: issue.message,
          ...(params ? { params: { ...params } } : {}),
        });
      }
      return z.NEVER;
    });
}
