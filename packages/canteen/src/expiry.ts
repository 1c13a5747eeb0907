import { addDaysIso, type IsoDate } from "@houqin/core";
import { type CheckContext, cells } from "@houqin/workbook";

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
