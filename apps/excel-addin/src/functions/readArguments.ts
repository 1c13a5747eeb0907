import {
  type Bilingual,
  type Fen,
  type IsoDate,
  isoToSerial,
  normalizeText,
  parseDateCell,
  parseMoney,
} from "@houqin/core";
import { invalidValue } from "./valueError.js";

/** An argument's name in both languages, for messages: `{ "zh-CN": "购置日期", en: "the acquired date" }`. */
export type ArgumentLabel = Bilingual;

const MAX_QUOTED = 40;

/** A value as the user sees it, short enough for a message. */
export function quoted(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : String(value);
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

/**
 * The plain value of an argument. Parameters of type any may receive Excel data types (a formatted
 * number, an entity: metadata allows custom data for any); their `basicValue` is the cell's value.
 */
export function plainValue(value: unknown): unknown {
  if (typeof value === "object" && value !== null && "basicValue" in value) {
    return (value as { basicValue: unknown }).basicValue;
  }
  return value;
}

/** Whether Excel passed nothing: an omitted argument or an empty cell. */
export function isMissing(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The #VALUE! error of a blank argument. */
export function blankArgument(label: ArgumentLabel) {
  return invalidValue({ "zh-CN": `${label["zh-CN"]}为空`, en: `${label.en} is blank` });
}

/**
 * Reads a date argument: an Excel date serial of the 1900 date system or date text as Chinese
 * workbooks write it (parseDateCell of @houqin/core: "2024-09-02", "2024年9月2日", "2024/9/2",
 * full-width digits, a weekday or a time after it).
 *
 * @param argument - what Excel passed
 * @param label - the argument's name, for the message
 * @returns the date
 * @throws the #VALUE! error with a message when the value is blank or not a date
 */
export function readDate(argument: unknown, label: ArgumentLabel): IsoDate {
  const value = plainValue(argument);
  if (isMissing(value)) throw blankArgument(label);
  const cellValue = typeof value === "number" || typeof value === "string" || typeof value === "boolean";
  const parsed = parseDateCell({ value: cellValue ? value : String(value), text: "" });
  if (parsed.ok) return parsed.value;
  const q = quoted(value);
  const zh = label["zh-CN"];
  const en = label.en;
  switch (parsed.code) {
    case "ambiguous-date":
      throw invalidValue({
        "zh-CN": `${zh}“${q}”没有写年份，请写完整日期，如 2024年9月2日`,
        en: `${en} "${q}" has no year; write the full date, like 2024-09-02`,
      });
    case "out-of-range":
      throw invalidValue({
        "zh-CN": `${zh}“${q}”不在 1900–2200 年之间`,
        en: `${en} "${q}" is not between the years 1900 and 2200`,
      });
    case "error-value":
      throw invalidValue({ "zh-CN": `${zh}是错误值“${q}”`, en: `${en} is the error value ${q}` });
    default:
      throw invalidValue({
        "zh-CN": `${zh}无法识别：“${q}”，可写作 2024-09-02 或 2024年9月2日`,
        en: `cannot read ${en}: "${q}"; write a date like 2024-09-02`,
      });
  }
}

/**
 * The Excel date serial (1900 date system) of a date, for a result.
 *
 * @throws the #VALUE! error when the date is before 1900-01-01, where Excel shows no dates
 */
export function toSerial(date: IsoDate): number {
  if (date < "1900-01-01") {
    throw invalidValue({
      "zh-CN": `结果日期 ${date} 早于 1900年1月1日，Excel 无法显示`,
      en: `the result ${date} is before 1900-01-01, where Excel has no dates`,
    });
  }
  return isoToSerial(date, "1900");
}

/**
 * Reads an amount of money into fen with parseMoney of @houqin/core: a number of yuan or text such
 * as "¥1,234.50", "1234.5元", "1.2万元", "（100.00）", full-width digits.
 *
 * @param argument - what Excel passed
 * @param label - the argument's name, for the message
 * @returns the amount in fen
 * @throws the #VALUE! error with a message when the value is blank or not an amount
 */
export function readMoney(argument: unknown, label: ArgumentLabel): Fen {
  const value = plainValue(argument);
  if (isMissing(value)) throw blankArgument(label);
  const q = quoted(value);
  const zh = label["zh-CN"];
  const en = label.en;
  const parsed = typeof value === "number" || typeof value === "string" ? parseMoney(value) : undefined;
  if (parsed?.ok) return parsed.value;
  switch (parsed?.code) {
    case "out-of-range":
      throw invalidValue({
        "zh-CN": `${zh}“${q}”超出可处理的范围（最多约 90 万亿元）`,
        en: `${en} "${q}" is too large (houqin handles up to about 90 trillion yuan)`,
      });
    case "error-value":
      throw invalidValue({ "zh-CN": `${zh}是错误值“${q}”`, en: `${en} is the error value ${q}` });
    default:
      throw invalidValue({
        "zh-CN": `${zh}无法识别：“${q}”，可写作 ¥1,234.50 或 1234.5元`,
        en: `cannot read ${en}: "${q}"; write an amount like ¥1,234.50 or 1234.5元`,
      });
  }
}

/**
 * Reads a whole number of days or items; a fraction is cut off toward zero, as Excel's WORKDAY does.
 *
 * @param argument - what Excel passed; blank gives `fallback`
 * @param label - the argument's name, for the message
 * @param fallback - the value of an omitted argument
 * @param limit - the largest magnitude allowed
 * @returns the integer
 * @throws the #VALUE! error with a message when the value is not a number or beyond the limit
 */
export function readInteger(
  argument: unknown,
  label: ArgumentLabel,
  fallback: number,
  limit: number,
): number {
  const value = plainValue(argument);
  if (isMissing(value)) return fallback;
  const number = typeof value === "string" ? Number(normalizeText(value)) : value;
  if (typeof number !== "number" || !Number.isFinite(number)) {
    throw invalidValue({
      "zh-CN": `${label["zh-CN"]}应为整数：“${quoted(value)}”`,
      en: `${label.en} must be a whole number: "${quoted(value)}"`,
    });
  }
  const n = Math.trunc(number) || 0;
  if (Math.abs(n) > limit) {
    throw invalidValue({
      "zh-CN": `${label["zh-CN"]}超出范围：${n}（最多 ±${limit}）`,
      en: `${label.en} is out of range: ${n} (at most ±${limit})`,
    });
  }
  return n;
}
