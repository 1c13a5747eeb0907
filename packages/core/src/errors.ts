/** Codes of the errors houqin throws for broken invariants (bugs), never for bad input. */
export type HouqinErrorCode = "MONEY_OVERFLOW" | "INVALID_DATE" | "INVALID_ARGUMENT" | "INVALID_CALENDAR";

/** A broken invariant. Callers branch on `code` or `instanceof`, never on the message. */
export class HouqinError extends Error {
  readonly code: HouqinErrorCode;
  constructor(code: HouqinErrorCode, message: string) {
    super(message);
    this.name = "HouqinError";
    this.code = code;
  }
}
