/*
 * The HOUQIN custom functions of the add-in (namespace HOUQIN, set in the manifest). Each takes the
 * plain values Excel passes and returns a plain value; bad input throws #VALUE! with a message in
 * both languages. scripts/functions-metadata.mjs reads the JSDoc of this file into functions.json:
 * the first paragraph of each comment is the description Excel shows, the @param texts describe the
 * arguments, and a parameter's TypeScript type gives its metadata type (a union is "any").
 *
 * Dates are Excel date serials of the 1900 date system (what a date cell holds) or date text; a
 * date result is a serial, to be shown with a date format. The school days are those of the State
 * Council's calendar (statutory holidays off, 调休 make-up days on, weekends off): the school's own
 * semesters and closures in its 设置 sheet are not applied here.
 */
import { createSchoolCalendar, fenToYuan } from "@houqin/core";
import { nextDue, parseCadence } from "@houqin/safety";
import { assetValue } from "./assetValue.js";
import {
  type ArgumentLabel,
  blankArgument,
  isMissing,
  plainValue,
  quoted,
  readDate,
  readInteger,
  readMoney,
  toSerial,
} from "./readArguments.js";
import { invalidValue } from "./valueError.js";

/** The State Council's calendar, with no semesters: every workday is a school day. */
const calendar = createSchoolCalendar();

/** The most school days NEXTSCHOOLDAY moves: about forty years. */
const MAX_SCHOOL_DAYS = 10_000;

const DATE: ArgumentLabel = { "zh-CN": "日期", en: "the date" };
const N: ArgumentLabel = { "zh-CN": "天数 n", en: "n" };
const CADENCE: ArgumentLabel = { "zh-CN": "周期", en: "the cadence" };
const LAST: ArgumentLabel = { "zh-CN": "上次日期", en: "the last date" };
const MONEY: ArgumentLabel = { "zh-CN": "金额", en: "the amount" };

/**
 * 是否上学日（Is it a school day?）：按国务院节假日安排，法定节假日与周末不上学，调休上班的周六日上学（statutory holidays and weekends off, 调休 make-up days on）。
 * @customfunction ISSCHOOLDAY
 * @param date 日期：Excel 日期或日期文字，如 2024-09-02、2024年9月2日（a date, or date text）
 * @returns 上学日为 TRUE（TRUE on a school day）
 * @example isSchoolDay("2024-10-12") // true: a 调休 Saturday
 */
export function isSchoolDay(date: number | string): boolean {
  return calendar.isSchoolDay(readDate(date, DATE));
}

/**
 * 第 n 个上学日（The n-th school day after a date）：n 默认 1；n 为负数时向前数；n 为 0 时，当天是上学日则为当天，否则为下一个上学日（n < 0 counts back; n = 0 gives the date itself or the next school day）。
 * @customfunction NEXTSCHOOLDAY
 * @param date 日期：Excel 日期或日期文字（a date, or date text）
 * @param [n] 第几个上学日，默认 1，小数舍去（which school day, 1 by default; a fraction is cut off）
 * @returns 上学日的 Excel 日期序号，请设置为日期格式（the school day as a date serial）
 * @example nextSchoolDay("2024-09-30") // 45573, i.e. 2024-10-08 after National Day
 */
export function nextSchoolDay(date: number | string, n?: number): number {
  const from = readDate(date, DATE);
  const count = readInteger(n, N, 1, MAX_SCHOOL_DAYS);
  const day = calendar.addSchoolDays(from, count);
  if (day === undefined) {
    throw invalidValue({ "zh-CN": "找不到这样的上学日", en: "there is no such school day" });
  }
  return toSerial(day);
}

/**
 * 累计折旧（Accumulated depreciation）：按类别最低折旧年限（财会〔2017〕4号）或给定年限，平均年限法按月计提，残值为零；图书、土地等不提折旧为 0（straight-line, monthly, zero residual; books and land are not depreciated）。
 * @customfunction DEPRECIATION
 * @param cost 原值（元），数字或金额文字，如 ¥7,200.00（the cost in yuan, a number or money text）
 * @param category 资产类别，如 通用设备、计算机设备、家具、房屋及构筑物，或折旧年限（年）（the asset category, or the life in years）
 * @param acquired 购置日期，当月开始计提（the date acquired; depreciation starts that month）
 * @param asOf 计算日期，当月月末才计入当月（the as-of date; a month counts from its last day）
 * @param [start] 折旧起始：当月（默认）或 次月（the start: 当月, the default, or 次月）
 * @returns 累计折旧（元）（accumulated depreciation in yuan）
 * @example depreciation(7200, "通用设备", "2023-09-10", "2024-08-31") // 1440
 */
export function depreciation(
  cost: number | string,
  category: string | number,
  acquired: number | string,
  asOf: number | string,
  start?: string,
): number {
  return fenToYuan(assetValue(cost, category, acquired, asOf, start).accumulated);
}

/**
 * 资产净值（Net book value）：原值减累计折旧，折旧算法同 HOUQIN.DEPRECIATION（cost less accumulated depreciation, as DEPRECIATION works it out）。
 * @customfunction NETVALUE
 * @param cost 原值（元），数字或金额文字，如 ¥7,200.00（the cost in yuan, a number or money text）
 * @param category 资产类别，如 通用设备、计算机设备、家具、房屋及构筑物，或折旧年限（年）（the asset category, or the life in years）
 * @param acquired 购置日期，当月开始计提（the date acquired; depreciation starts that month）
 * @param asOf 计算日期，当月月末才计入当月（the as-of date; a month counts from its last day）
 * @param [start] 折旧起始：当月（默认）或 次月（the start: 当月, the default, or 次月）
 * @returns 净值（元）（net book value in yuan）
 * @example netValue(7200, "通用设备", "2023-09-10", "2024-08-31") // 5760
 */
export function netValue(
  cost: number | string,
  category: string | number,
  acquired: number | string,
  asOf: number | string,
  start?: string,
): number {
  return fenToYuan(assetValue(cost, category, acquired, asOf, start).net);
}

/**
 * 下次到期日（Next due date）：按周期写法排在上学日，上次完成所在的周期之后的下一个周期（the planned school day of the period after the one the last date fulfils）。
 * @customfunction NEXTDUE
 * @param cadence 周期，如 每天、每周五、每半月、每月15日、每学期第6周、5.12、消防日（the cadence as schools write it）
 * @param last 上次完成日期：Excel 日期或日期文字（the date it was last done）
 * @returns 下次到期的 Excel 日期序号，请设置为日期格式（the next due date as a date serial）
 * @example nextDueDate("每周五", "2024-10-08") // 45583, i.e. 2024-10-18
 */
export function nextDueDate(cadence: string, last: number | string): number {
  const words = plainValue(cadence);
  if (isMissing(words)) throw blankArgument(CADENCE);
  const parsed = typeof words === "string" ? parseCadence(words) : undefined;
  if (parsed === undefined) {
    throw invalidValue({
      "zh-CN": `周期无法识别：“${quoted(words)}”，可写作 每天、每周五、每半月、每月15日、每学期第6周、5.12`,
      en: `the cadence is not understood: "${quoted(words)}"; write e.g. 每天, 每周五, 每月15日, 每学期第6周`,
    });
  }
  const due = nextDue(parsed, readDate(last, LAST), calendar);
  if (due === undefined) {
    throw invalidValue({ "zh-CN": "找不到下次到期日", en: "there is no next due date" });
  }
  return toSerial(due);
}

/**
 * 金额转分（Money text to fen）：读出金额文字，如 ¥1,234.50、1234.5元、1.2万元、（100.00），全角数字亦可，结果为整数分（reads an amount into whole fen）。
 * @customfunction FEN
 * @param text 金额：数字（元）或金额文字（the amount: a number of yuan or money text）
 * @returns 金额（分）（the amount in fen）
 * @example fen("¥1,234.50") // 123450
 */
export function fen(text: number | string): number {
  return readMoney(text, MONEY);
}
