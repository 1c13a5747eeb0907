import type { Severity } from "@houqin/core";

/**
 * The Fluent badge colour of each severity, the same in the summary and in the finding list.
 *
 * @example <Badge color={SEVERITY_BADGE.error}>3</Badge> // a red badge
 */
export const SEVERITY_BADGE = {
  error: "danger",
  warning: "warning",
  info: "informative",
} as const satisfies Record<Severity, string>;
