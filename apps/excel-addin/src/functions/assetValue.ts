import {
  ASSET_CLASSES,
  classifyAsset,
  DEFAULT_DEPRECIATION_START,
  type DepreciationStart,
  depreciate,
  isDepreciated,
} from "@houqin/assets";
import { type Fen, type IsoDate, normalizeText } from "@houqin/core";
import {
  type ArgumentLabel,
  blankArgument,
  isMissing,
  plainValue,
  quoted,
  readDate,
  readMoney,
} from "./readArguments.js";
import { invalidValue } from "./valueError.js";

/** The depreciation of an asset as the DEPRECIATION and NETVALUE functions give it, in fen. */
export interface AssetValue {
  /** Accumulated depreciation: 0 for a class that is not depreciated (books, land, relics). */
  accumulated: Fen;
  /** Net book value: cost − accumulated. */
  net: Fen;
}

const COST: ArgumentLabel = { "zh-CN": "原值", en: "the cost" };
const CATEGORY: ArgumentLabel = { "zh-CN": "资产类别", en: "the asset category" };
const ACQUIRED: ArgumentLabel = { "zh-CN": "购置日期", en: "the acquired date" };
const AS_OF: ArgumentLabel = { "zh-CN": "计算日期", en: "the as-of date" };

/** A life written as a number of years: "6", "6年", "6.5 年". */
const YEARS_RE = /^(\d+(?:\.\d+)?)\s*年?$/;

/** The depreciation life of a category in years, or undefined for a class that is not depreciated. */
function lifeOf(argument: unknown): number | undefined {
  const category = plainValue(argument);
  if (isMissing(category)) throw blankArgument(CATEGORY);
  let years: number | undefined;
  if (typeof category === "number") years = category;
  else if (typeof category === "string") {
    const text = normalizeText(category);
    const written = YEARS_RE.exec(text);
    if (written) years = Number(written[1]);
    else {
      const id = classifyAsset(text);
      if (id === undefined) {
        throw invalidValue({
          "zh-CN": `资产类别无法识别：“${quoted(category)}”，可写作 通用设备、计算机设备、家具、房屋及构筑物，或折旧年限（年数）`,
          en: `unknown asset category "${quoted(category)}"; write e.g. 通用设备, 计算机设备, 家具, or the life in years`,
        });
      }
      return isDepreciated(id) ? ASSET_CLASSES[id].lifeYears : undefined;
    }
  }
  if (years === undefined || !(years > 0 && years <= 100 && Number.isInteger(years * 12))) {
    throw invalidValue({
      "zh-CN": `折旧年限应为 100 年以内的正数且按整月计：“${quoted(category)}”`,
      en: `a depreciation life is a positive number of years, up to 100, in whole months: "${quoted(category)}"`,
    });
  }
  return years;
}

/** The start convention: 当月 (the default, 政府会计准则第3号) or 次月. */
function startOf(argument: unknown): DepreciationStart {
  const start = plainValue(argument);
  if (isMissing(start)) return DEFAULT_DEPRECIATION_START;
  const text = typeof start === "string" ? normalizeText(start).toLowerCase() : "";
  if (/^(当月|本月|same-month|same month)$/.test(text)) return "same-month";
  if (/^(次月|下月|next-month|next month)$/.test(text)) return "next-month";
  throw invalidValue({
    "zh-CN": `折旧起始应为“当月”或“次月”：“${quoted(start)}”`,
    en: `the depreciation start is 当月 (same month) or 次月 (next month): "${quoted(start)}"`,
  });
}

/**
 * Straight-line depreciation of one asset as of a date, with @houqin/assets: the class of the
 * category (classifyAsset, the minimum lives of 财会〔2017〕4号) or a life given in years.
 *
 * @param cost - the original value: a number of yuan or money text
 * @param category - the asset category ("通用设备", "家具", "房屋及构筑物"…) or the life in years
 * @param acquired - the date acquired
 * @param asOf - the date the depreciation is worked out for
 * @param start - 当月 (default) or 次月
 * @returns accumulated depreciation and net value in fen
 * @throws the #VALUE! error with a message for a blank, negative or unreadable argument
 * @example
 * assetValue(7200, "通用设备", "2023-09-10", "2024-08-31") // { accumulated: 144000, net: 576000 }
 */
export function assetValue(
  cost: unknown,
  category: unknown,
  acquired: unknown,
  asOf: unknown,
  start?: unknown,
): AssetValue {
  const fen = readMoney(cost, COST);
  if (fen < 0) {
    throw invalidValue({
      "zh-CN": `原值不能为负数：“${quoted(cost)}”`,
      en: `the cost cannot be negative: "${quoted(cost)}"`,
    });
  }
  const lifeYears = lifeOf(category);
  const acquiredOn: IsoDate = readDate(acquired, ACQUIRED);
  const asOfDate: IsoDate = readDate(asOf, AS_OF);
  const convention = startOf(start);
  if (lifeYears === undefined) return { accumulated: 0, net: fen };
  const { accumulated, net } = depreciate({
    cost: fen,
    acquired: acquiredOn,
    lifeYears,
    asOf: asOfDate,
    start: convention,
  });
  return { accumulated, net };
}
