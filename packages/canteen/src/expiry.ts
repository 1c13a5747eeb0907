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
const RANGE_RE = /^(.+?)(?:\s*(?:至|到|~|～|—+|–)\s*|\s+-\s+)(.+)$/;

/** Words before an end date alone: "至2026年12月31日", "有效期至…", "截止…", "到期日…". */
const END_PREFIX_RE =
  /^(?:有效期限?|有效日期|到期日期?|期限)?\s*[:：]?\s*(?:截止到|截止至|截至|截止|至|到|止)\s*[:：]?\s*/;

/** Words after an end date: "2030年12月31日止", "…为止", "…到期", "…前有效". */
const END_SUFFIX_RE = /\s*(?:止|为止|截止|到期|前有效|有效)$/;

/**
 * The end of a period written as text, or undefined: long-term words; a range "A至B", "A~B",
 * "A - B", or "A-B" when both A and B read as dates ("2020.01.01-2030.12.31", "2020-01-01-2030-12-31");
 * an end alone with words around it ("至2026年12月31日", "2030年12月31日止").
 */
function rangeEnd(text: string, readDate: (text: string) => IsoDate | undefined): IsoDate | undefined {
  const endOf = (t: string): IsoDate | undefined => {
    const bare = t.replace(END_PREFIX_RE, "").replace(END_SUFFIX_RE, "").trim();
    if (LONG_TERM_RE.test(bare)) return LONG_TERM_EXPIRY;
    return bare === "" ? undefined : readDate(bare);
  };
  const whole = text.replace(/^自\s*/, "");
  if (LONG_TERM_RE.test(whole)) return LONG_TERM_EXPIRY;
  const range = RANGE_RE.exec(whole);
  if (range?.[2] !== undefined) {
    const end = endOf(range[2]);
    if (end !== undefined) return end;
  }
  // "A-B" without spaces: a hyphen with a dated year on both sides ("2020" alone is no date).
  for (let i = whole.indexOf("-"); i > 0; i = whole.indexOf("-", i + 1)) {
    const [left, right] = [whole.slice(0, i).trim(), whole.slice(i + 1)];
    if (!/\d{4}\D*\d/.test(left) || !(/\d{4}/.test(right) || LONG_TERM_RE.test(right.trim()))) continue;
    const end = readDate(left) === undefined ? undefined : endOf(right);
    if (end !== undefined) return end;
  }
  return endOf(whole);
}

/**
 * The cell schema of a licence's expiry date: a date as {@link cells.date} reads it, and besides
 * - 长期, 长期有效, 永久, 无固定期限 (the long-term business licences common in China) → {@link LONG_TERM_EXPIRY};
 * - a period written as a range, "2015年3月1日至长期", "2020-01-01至2030-12-31", "2020.01.01-2030.12.31"
 *   → its end;
 * - an end date with words around it, "至2026年12月31日", "有效期至2026-12-31", "2030年12月31日止".
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
        const end = rangeEnd(text, (t) => {
          const out = date.safeParse({ ...cell, value: t, text: t });
          return out.success ? out.data : undefined;
        });
        if (end !== undefined) return end;
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
