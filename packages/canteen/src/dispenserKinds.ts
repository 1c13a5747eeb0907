import {
  type Bilingual,
  type IsoDate,
  normalizeText,
  type Parsed,
  parseBooleanCell,
  parseDateCell,
  parsedError,
  parsedOk,
  parseTextCell,
} from "@houqin/core";
import {
  type CellInput,
  type CellIssueParams,
  type CellSchema,
  cells,
  defineTableKind,
  field,
} from "@houqin/workbook";
import { z } from "zod";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** Who a water dispenser serves: students (filter, water test, posted report) or teachers (cleaning). */
export type DispenserType = "student" | "teacher";

/** Whether the water-test report was posted: yes or no, and the day when a date was written. */
export interface ReportPosted {
  posted: boolean;
  date?: IsoDate;
}

/** A parse result, or a failure with a code of this module's own. */
type Read<T> = Parsed<T> | { ok: false; code: string; message: Bilingual };

function cellSchema<T>(parse: (cell: CellInput) => Read<T>): CellSchema<T> {
  return z
    .custom<CellInput>((v) => typeof v === "object" && v !== null && "value" in v)
    .transform((cell, ctx) => {
      const result = parse(cell);
      if (result.ok) return result.value;
      const params: CellIssueParams = { houqin: true, code: result.code, message: result.message };
      ctx.addIssue({ code: "custom", message: result.message.en, params: { ...params } });
      return z.NEVER;
    });
}

const TEACHER_RE = /教师|老师|教工|教职工|办公|教研|会议|行政|teacher|staff|office/i;
const STUDENT_RE = /学生|班级|教室|走廊|宿舍|student|pupil|class/i;

/**
 * What a dispenser's type, place or name says about whom it serves: "teacher" for 教师, 教师用,
 * 办公室, 教研室, 会议室; "student" for 学生, 学生用, 学生饮水机, 教室, 走廊; undefined when it says neither.
 *
 * @param text - the type, place or name as written
 * @returns the type, or undefined
 * @example
 * dispenserTypeOf("教师用") // "teacher"
 * dispenserTypeOf("学生饮水机") // "student"
 */
export function dispenserTypeOf(text: string): DispenserType | undefined {
  const s = normalizeText(text);
  if (STUDENT_RE.test(s)) return "student";
  if (TEACHER_RE.test(s)) return "teacher";
  return undefined;
}

/** A dispenser type cell: 学生/学生用/学生饮水机 → "student", 教师/教师用/办公室 → "teacher". */
function dispenserType(): CellSchema<DispenserType> {
  return cellSchema((cell) => {
    const text = parseTextCell(cell);
    if (!text.ok) return text;
    const type = dispenserTypeOf(text.value);
    if (type) return parsedOk(type);
    return {
      ok: false,
      code: "unknown-type",
      message: {
        "zh-CN": `“${text.value}”不是可识别的饮水机类型（可写作 学生 或 教师），按学生饮水机检查`,
        en: `"${text.value}" is not a dispenser type houqin knows (write 学生 or 教师); checked as a student dispenser`,
      },
    };
  });
}

/** 已公示 / 是 / √ / a date: posted; 否 / 未公示 / ×: not. */
function reportPosted(): CellSchema<ReportPosted> {
  return cellSchema((cell): Parsed<ReportPosted> => {
    const yesNo = parseBooleanCell(cell);
    if (yesNo.ok) return parsedOk({ posted: yesNo.value });
    if (yesNo.code === "error-value" || yesNo.code === "blank") return yesNo;
    const text = typeof cell.value === "string" ? normalizeText(cell.value) : "";
    if (/^(未|没有|尚未|暂未)/.test(text)) return parsedOk({ posted: false });
    if (/^(已|上墙|公示)/.test(text) || /已公示|已上墙/.test(text)) {
      const inside = /(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)/.exec(text)?.[1];
      const date = inside ? parseDateCell({ value: inside, text: inside }) : undefined;
      return parsedOk(date?.ok ? { posted: true, date: date.value } : { posted: true });
    }
    const date = parseDateCell(cell, {
      dateSystem: cell.dateSystem,
      ...(cell.defaultYear === undefined ? {} : { defaultYear: cell.defaultYear }),
    });
    if (date.ok) return parsedOk({ posted: true, date: date.value });
    return parsedError("not-a-boolean", {
      "zh-CN": `“${cell.text || String(cell.value)}”看不出检测报告是否已公示（可写 是/否、√/× 或公示日期）`,
      en: `"${cell.text || String(cell.value)}" does not say whether the test report was posted (write 是/否, √/× or the date)`,
    });
  });
}

/**
 * `canteen.dispensers`: the water dispenser register (饮水机管理台账, 三(三)8): each dispenser, where it
 * is, whom it serves, and when its filter was changed, it was cleaned and disinfected, and its water
 * tested by a third party, with whether the test report was posted. One row per dispenser (the latest
 * dates) or one row per maintenance; rows of the same dispenser are taken together.
 *
 * @example
 * const register = ctx.tablesOf(dispensers); // rows: { dispenser, place?, type?, filterChanged?, cleaned?, waterTested?, reportPosted?, tester? }
 */
export const dispensers = defineTableKind({
  id: "canteen.dispensers",
  title: t("饮水机管理台账", "Water dispensers"),
  sheetHints: ["饮水机", "饮用水", "直饮水", "dispensers", "dispenser"],
  fields: {
    dispenser: field({
      title: t("饮水机编号", "Dispenser"),
      synonyms: [
        "饮水机编号",
        "饮水机名称",
        "饮水机",
        "设备编号",
        "设备名称",
        "编号",
        "名称",
        "dispenser",
        "dispenser no",
      ],
      required: true,
      schema: cells.text(),
    }),
    place: field({
      title: t("位置", "Place"),
      synonyms: [
        "位置",
        "安装位置",
        "放置位置",
        "安装地点",
        "放置地点",
        "所在位置",
        "地点",
        "place",
        "location",
      ],
      required: false,
      schema: cells.text(),
    }),
    type: field({
      title: t("类型", "Type"),
      synonyms: ["类型", "类别", "使用对象", "使用人员", "饮水机类型", "用途", "type", "used by"],
      required: false,
      schema: dispenserType(),
    }),
    filterChanged: field({
      title: t("更换滤芯日期", "Filter changed"),
      synonyms: [
        "更换滤芯日期",
        "滤芯更换日期",
        "换滤芯日期",
        "更换滤芯",
        "滤芯更换",
        "滤芯",
        "filter changed",
        "filter",
      ],
      required: false,
      schema: cells.date(),
    }),
    cleaned: field({
      title: t("清洗消毒日期", "Cleaned"),
      synonyms: [
        "清洗消毒日期",
        "清洗消毒",
        "消毒日期",
        "清洗日期",
        "清洁消毒日期",
        "清洗",
        "消毒",
        "cleaned",
        "disinfected",
      ],
      required: false,
      schema: cells.date(),
    }),
    waterTested: field({
      title: t("水质检测日期", "Water tested"),
      synonyms: [
        "水质检测日期",
        "水质检测",
        "检测日期",
        "水质检验日期",
        "送检日期",
        "water tested",
        "water test",
      ],
      required: false,
      schema: cells.date(),
    }),
    reportPosted: field({
      title: t("检测报告公示", "Report posted"),
      synonyms: [
        "检测报告公示",
        "检测报告上墙",
        "报告公示",
        "上墙公示",
        "公示情况",
        "是否公示",
        "公示",
        "report posted",
        "posted",
      ],
      required: false,
      schema: reportPosted(),
    }),
    tester: field({
      title: t("检测单位", "Tester"),
      synonyms: [
        "检测单位",
        "检测机构",
        "第三方检测机构",
        "第三方检测单位",
        "检测方",
        "tester",
        "laboratory",
      ],
      required: false,
      schema: cells.text(),
    }),
  },
});
