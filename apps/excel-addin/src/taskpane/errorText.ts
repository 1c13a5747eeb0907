/**
 * What to tell the user about a failure from the services or Office: the error's own message (the
 * services write theirs in the user's language), Office's debug message when the error has none, or
 * the text of anything else thrown.
 *
 * @param error - whatever was thrown
 * @returns the text for a MessageBar
 * @example errorText(new Error("没有名为“收费明细”的工作表")) // "没有名为“收费明细”的工作表"
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const office = error as Error & { debugInfo?: { message?: string } };
    return error.message || office.debugInfo?.message || error.name;
  }
  return String(error);
}
