import {
  addDaysIso,
  type Bilingual,
  type Finding,
  type IsoDate,
  localize,
  normalizeText,
} from "@houqin/core";
import { type CheckContext, cellOf, cells } from "@houqin/workbook";
import {
  EXTINGUISHER_RULES,
  type ExtinguisherRule,
  type ExtinguisherType,
  extinguisherType,
  TYPE_NAMES,
} from "./extinguisherRules.js";
import { extinguisherRegister } from "./kinds.js";

const CLAUSE = "三(一)4";

const MSG = {
  pressure: {
    "zh-CN":
      "灭火器 {id}（{location}）压力“{pressure}”不在绿区，{since}仍未充装或更换（应在 {limit} 天内处理）",
    en: "Extinguisher {id} ({location}) reads “{pressure}”, not green, and was not recharged or replaced {since} (limit {limit} days)",
  },
  since: { "zh-CN": "自 {date} 检查发现起", en: "since the check of {date}" },
  lateAction: {
    "zh-CN": "灭火器 {id}（{location}）{found} 检查发现压力异常，{done} 才充装或更换（应在 {limit} 天内）",
    en: "Extinguisher {id} ({location}): the fault found on {found} was only fixed on {done} (limit {limit} days)",
  },
  noDate: {
    "zh-CN": "灭火器 {id} 没有生产日期，无法判断维修和报废年限",
    en: "Extinguisher {id} has no manufacture date, so servicing and scrapping cannot be judged",
  },
  service: {
    "zh-CN": "灭火器 {id}（{type}）应于 {due} 前维修检测（{rule}），至今未见记录",
    en: "Extinguisher {id} ({type}) was due for servicing by {due} ({rule}); none is recorded",
  },
  serviceRule: {
    "zh-CN": "出厂满 {first} 年首次维修，此后每 {every} 年",
    en: "first at {first} years, then every {every}",
  },
  scrap: {
    "zh-CN": "灭火器 {id}（{type}）生产于 {made}，已满 {age} 年报废年限，应报废更换",
    en: "Extinguisher {id} ({type}) made on {made} has reached its {age}-year scrap age and must be replaced",
  },
  unchecked: {
    "zh-CN": "灭火器 {id}（{location}）{month}没有检查记录（最近一次：{last}），应每月检查",
    en: "Extinguisher {id} ({location}) has no check in {month} (last: {last}); it is checked monthly",
  },
  neverChecked: { "zh-CN": "从未", en: "never" },
  unknownType: {
    "zh-CN": "灭火器 {id} 的类型“{type}”无法识别（水基、干粉、洁净气体、二氧化碳），维修和报废年限未检查",
    en: "Extinguisher {id}: type “{type}” is not recognised (water-based, dry powder, clean agent, CO2); servicing and scrapping were not checked",
  },
} satisfies Record<string, Bilingual>;

function addYears(date: IsoDate, years: number): IsoDate {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  // 29 February moves to 28 February in a common year.
  return md === "02-29" && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)
    ? `${y}-02-28`
    : `${y}${date.slice(4)}`;
}

function isGreen(text: string): boolean | undefined {
  const s = normalizeText(text).toLowerCase();
  if (/不|非|红|黄|欠压|偏低|过低|低|超压|过高|失压|失效|异常|red|yellow|low|high|empty|not/.test(s))
    return false;
  if (/绿|正常|合格|良好|green|ok|normal/.test(s)) return true;
  return undefined;
}

/**
 * Checks the fire extinguisher register (三(一)4; GB 50444-2008 numbers, configurable):
 * `safety/extinguisher-pressure`, `safety/extinguisher-service-due`, `safety/extinguisher-scrap`,
 * `safety/extinguisher-unchecked`.
 */
export function checkExtinguishers(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const limit = ctx.setting(["灭火器处理期限", "灭火器处理期限（天）"], cells.integer(), 7);
  const rules = {} as Record<ExtinguisherType, ExtinguisherRule>;
  for (const [type, rule] of Object.entries(EXTINGUISHER_RULES) as [ExtinguisherType, ExtinguisherRule][]) {
    const name = TYPE_NAMES[type]["zh-CN"];
    rules[type] = {
      firstService: ctx.setting([`灭火器首次维修年限:${name}`], cells.number(), rule.firstService),
      serviceEvery: ctx.setting([`灭火器维修间隔年限:${name}`], cells.number(), rule.serviceEvery),
      scrapAt: ctx.setting([`灭火器报废年限:${name}`], cells.number(), rule.scrapAt),
    };
  }
  const findings: Finding[] = [];
  const monthStart = `${ctx.asOf.slice(0, 7)}-01`;
  const previousMonth = addDaysIso(monthStart, -1).slice(0, 7);
  for (const table of ctx.tablesOf(extinguisherRegister)) {
    const columns = table.table.columns as Record<string, number | undefined>;
    for (const { row, values: v, unreadable } of table.rows) {
      const at = (field: string) => ({
        sheet: table.table.sheet,
        cell: cellOf(table.table, row, field),
        row,
      });
      const location = v.location ?? "";
      const data = { id: v.id };

      // Pressure out of the green, not recharged or replaced in time.
      if (v.pressure !== undefined && isGreen(v.pressure) === false) {
        const found = v.lastCheck;
        // A recharge or replacement counts from the check that found the fault on.
        const acted =
          v.action !== undefined &&
          /充装|更换|换新|重新充|已处理|recharg|replac/.test(v.action) &&
          (found === undefined || v.actionDate === undefined || v.actionDate >= found);
        const deadline = found === undefined ? undefined : addDaysIso(found, limit);
        if (acted && deadline !== undefined && v.actionDate !== undefined && v.actionDate > deadline) {
          findings.push({
            rule: "safety/extinguisher-pressure",
            severity: "warning",
            message: t(MSG.lateAction, { id: v.id, location, found, done: v.actionDate, limit }),
            clause: CLAUSE,
            ...at("actionDate"),
            data,
          });
        } else if (!acted && (deadline === undefined || deadline < ctx.asOf)) {
          findings.push({
            rule: "safety/extinguisher-pressure",
            severity: "error",
            message: t(MSG.pressure, {
              id: v.id,
              location,
              pressure: v.pressure,
              since: found ? t(MSG.since, { date: found }) : "",
              limit,
            }),
            clause: CLAUSE,
            ...at("pressure"),
            data,
          });
        }
      }

      // Checked every month: the month before this one had no check.
      if (
        columns.lastCheck !== undefined &&
        (v.lastCheck === undefined || v.lastCheck.slice(0, 7) < previousMonth)
      ) {
        findings.push({
          rule: "safety/extinguisher-unchecked",
          severity: "warning",
          message: t(MSG.unchecked, {
            id: v.id,
            location,
            month:
              ctx.lang === "en"
                ? previousMonth
                : `${previousMonth.slice(0, 4)}年${Number(previousMonth.slice(5))}月`,
            last: v.lastCheck ?? t(MSG.neverChecked),
          }),
          clause: CLAUSE,
          ...at("lastCheck"),
          data: { ...data, lastCheck: v.lastCheck ?? null, month: previousMonth },
        });
      }

      const type = extinguisherType(v.type);
      if (v.manufactureDate === undefined) {
        // An unreadable date was reported at its cell already.
        if (columns.manufactureDate !== undefined && !unreadable?.includes("manufactureDate"))
          findings.push({
            rule: "safety/extinguisher-undated",
            severity: "info",
            message: t(MSG.noDate, { id: v.id }),
            clause: CLAUSE,
            ...at("manufactureDate"),
            data,
          });
        continue;
      }
      if (type === undefined) {
        findings.push({
          rule: "safety/extinguisher-type-unknown",
          severity: "info",
          message: t(MSG.unknownType, { id: v.id, type: v.type }),
          clause: CLAUSE,
          ...at("type"),
          data,
        });
        continue;
      }
      const rule = rules[type];
      const typeName = t(TYPE_NAMES[type]);
      const scrapOn = addYears(v.manufactureDate, rule.scrapAt);
      if (scrapOn <= ctx.asOf) {
        findings.push({
          rule: "safety/extinguisher-scrap",
          severity: "error",
          message: t(MSG.scrap, { id: v.id, type: typeName, made: v.manufactureDate, age: rule.scrapAt }),
          clause: CLAUSE,
          ...at("manufactureDate"),
          data: { ...data, scrapOn },
        });
        continue;
      }
      const firstDue = addYears(v.manufactureDate, rule.firstService);
      const due =
        v.lastService !== undefined && v.lastService >= addYears(firstDue, -1)
          ? addYears(v.lastService, rule.serviceEvery)
          : firstDue;
      if (due <= ctx.asOf)
        findings.push({
          rule: "safety/extinguisher-service-due",
          severity: "warning",
          message: t(MSG.service, {
            id: v.id,
            type: typeName,
            due,
            rule: t(MSG.serviceRule, { first: rule.firstService, every: rule.serviceEvery }),
          }),
          clause: CLAUSE,
          ...at(v.lastService !== undefined ? "lastService" : "manufactureDate"),
          data: { ...data, due },
        });
    }
  }
  return findings;
}
