export type { ExpiryState } from "./expiry.js";
export { DEFAULT_EXPIRY_WARNING_DAYS, expiryState, expiryWarningDays } from "./expiry.js";
export { headcount, meals, nonNegativeNumber, purchases, staff, suppliers } from "./kinds.js";
