import { type Fen, HouqinError, type IsoDate, isIsoDate } from "@houqin/core";

/**
 * The month depreciation starts in: the month the asset is acquired ("same-month", 政府会计准则第3号
 * §15 and 政府会计制度: 当月增加的固定资产，当月开始计提折旧), or the month after ("next-month", the
 * enterprise rule some schools' software still follows: 当月增加，次月计提).
 */
export type DepreciationStart = "same-month" | "next-month";

/** The start houqin uses unless the school sets 折旧起始 = 次月. */
export const DEFAULT_DEPRECIATION_START: DepreciationStart = "same-month";

/** What {@link depreciate} is given. */
export interface DepreciateInput {
  /** The original value in fen (not negative). */
  cost: Fen;
  /** The date the asset was acquired (entered in the books). */
  acquired: IsoDate;
  /** The depreciation life in years; years × 12 must be a whole number of months. */
  lifeYears: number;
  /** The date the depreciation is worked out for. */
  asOf: IsoDate;
  /** When depreciation starts; {@link DEFAULT_DEPRECIATION_START} by default. */
  start?: DepreciationStart;
}

/** The depreciation of an asset as of a date. */
export interface Depreciation {
  /** The life in months. */
  lifeMonths: number;
  /** The first month depreciated, "YYYY-MM". */
  firstMonth: string;
  /** The months depreciated up to the date, from 0 to lifeMonths. */
  months: number;
  /**
   * The monthly charge of the first month. The cost is spread over the months exactly, so when it
   * does not divide evenly the first months carry one fen more than the rest.
   */
  monthly: Fen;
  /** Accumulated depreciation in fen: never above the cost, the cost itself once the life is over. */
  accumulated: Fen;
  /** Net (book) value in fen: cost − accumulated. */
  net: Fen;
  /** Whether the whole cost has been depreciated. */
  fullyDepreciated: boolean;
}

/** Months since year 0: "2023-09-15" -> 2023 × 12 + 8. */
function monthIndex(iso: IsoDate): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

function monthText(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function isLastDayOfMonth(iso: IsoDate): boolean {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return Number(iso.slice(8, 10)) === days;
}

/**
 * Straight-line depreciation, monthly, with zero residual value (政府会计准则第3号 and its guide,
 * 财会〔2017〕4号).
 *
 * - The cost is spread over the life's months exactly as `allocateFen(cost, [1, 1, …])` splits it, so
 *   the charges of the whole life add up to the cost to the fen (the first months take the odd fen).
 * - Depreciation starts in the month of acquisition (or the month after, with `start: "next-month"`).
 * - A month's charge is booked on its last day: as of 15 October, September is the last month
 *   depreciated; as of 31 October, October is.
 *
 * @param input - cost in fen, acquisition date, life in years, the date, and the start convention
 * @returns months depreciated, the monthly charge, accumulated depreciation and net value
 * @throws HouqinError `INVALID_ARGUMENT` for a negative or non-integer cost or a life that is not a
 *   positive whole number of months; `INVALID_DATE` for a date that is not a real ISO date
 * @example
 * depreciate({ cost: 720000, acquired: "2023-09-10", lifeYears: 6, asOf: "2024-08-31" })
 * // { lifeMonths: 72, firstMonth: "2023-09", months: 12, monthly: 10000, accumulated: 120000, net: 600000, fullyDepreciated: false }
 */
export function depreciate(input: DepreciateInput): Depreciation {
  const { cost, acquired, lifeYears, asOf, start = DEFAULT_DEPRECIATION_START } = input;
  if (!Number.isSafeInteger(cost) || cost < 0)
    throw new HouqinError("INVALID_ARGUMENT", `Not a non-negative count of fen: ${cost}`);
  const lifeMonths = lifeYears * 12;
  if (!Number.isSafeInteger(lifeMonths) || lifeMonths <= 0)
    throw new HouqinError("INVALID_ARGUMENT", `Not a life of whole months: ${lifeYears} years`);
  for (const date of [acquired, asOf])
    if (!isIsoDate(date)) throw new HouqinError("INVALID_DATE", `Not an ISO date: ${date}`);

  const first = monthIndex(acquired) + (start === "next-month" ? 1 : 0);
  const lastBooked = monthIndex(asOf) - (isLastDayOfMonth(asOf) ? 0 : 1);
  const months = Math.min(lifeMonths, Math.max(0, lastBooked - first + 1));
  // allocateFen(cost, lifeMonths equal parts) gives each month `base` and the first `odd` months one
  // fen more; its prefix sums are worked out directly so that a 50-year life costs no 600-part split.
  const odd = cost % lifeMonths;
  const base = (cost - odd) / lifeMonths;
  const accumulated = months * base + Math.min(months, odd);
  return {
    lifeMonths,
    firstMonth: monthText(first),
    months,
    monthly: base + (odd > 0 ? 1 : 0),
    accumulated,
    net: cost - accumulated,
    fullyDepreciated: months === lifeMonths,
  };
}
