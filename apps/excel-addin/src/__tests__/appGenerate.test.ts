import {
  type GeneratedWorkbook,
  generateCanteenWorkbook,
  generateFinanceWorkbook,
  generateSafetyWorkbook,
  generateSportsWorkbook,
} from "@houqin/samples";
import { MemoryWorkbook, type SheetData, type Workbook } from "@houqin/workbook";
import { XlsxWorkbook } from "@houqin/workbook/xlsx";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AddinError,
  type AddinHost,
  GENERATORS,
  type GenerateKind,
  type GenerateRequest,
  generate,
  runCheck,
} from "../app/index.js";

const TODAY = "2023-10-20";

function hostOf(workbook: Workbook, today = TODAY): AddinHost {
  return { workbook, select: async () => {}, today: () => today };
}

/** Every sheet's cells, by name, for "nothing of the user's changed". */
async function contents(workbook: Workbook, names: readonly string[]): Promise<Record<string, SheetData>> {
  const out: Record<string, SheetData> = {};
  for (const name of names) out[name] = await workbook.readSheet(name);
  return out;
}

async function errorOf(promise: Promise<unknown>): Promise<AddinError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AddinError);
  return error as AddinError;
}

/** The dates in column A of a written sheet, below its header. */
function datesOf(sheet: SheetData): string[] {
  return sheet.rows
    .slice(1)
    .map((r) => r[0]?.value)
    .filter((v): v is string => typeof v === "string");
}

describe("GENERATORS", () => {
  it("offers the four generators, each with a title and description in both languages", () => {
    expect(GENERATORS.map((g) => [g.kind, g.domain])).toEqual([
      ["safety-schedule", "safety"],
      ["reconciliation", "finance"],
      ["canteen-settlement", "canteen"],
      ["training-roster", "sports"],
    ]);
    for (const g of GENERATORS)
      for (const text of [g.title, g.description]) {
        expect(text["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
        expect(text.en).toMatch(/^[A-Z]/);
      }
  });
});

describe("generate on the sample workbooks", () => {
  const buffers = new Map<GenerateKind, Uint8Array>();
  const makers: [GenerateKind, () => GeneratedWorkbook][] = [
    ["safety-schedule", () => generateSafetyWorkbook({ seed: 5 })],
    ["reconciliation", () => generateFinanceWorkbook()],
    ["canteen-settlement", () => generateCanteenWorkbook()],
    ["training-roster", () => generateSportsWorkbook()],
  ];
  const open = async (kind: GenerateKind) => XlsxWorkbook.fromBuffer(buffers.get(kind) as Uint8Array);

  beforeAll(async () => {
    for (const [kind, make] of makers)
      buffers.set(kind, new Uint8Array(await make().workbook.xlsx.writeBuffer()));
  }, 120_000);

  it.each([
    ["safety-schedule", ["安全工作日程", "1530轮值表"]],
    ["reconciliation", ["银行存款余额调节表", "对账匹配明细"]],
    ["canteen-settlement", ["食堂月度结算"]],
  ] as const)(
    "%s writes new sheets, a second run a second set, and leaves the user's sheets as they were",
    async (kind, names) => {
      const workbook = await open(kind);
      const host = hostOf(workbook);
      const userSheets = (await workbook.listSheets()).map((s) => s.name);
      const before = await contents(workbook, userSheets);
      const checked = await runCheck(host, { lang: "zh-CN" });

      const first = await generate(host, { kind, lang: "zh-CN" });
      expect(first.sheets).toEqual(names);
      const second = await generate(host, { kind, lang: "zh-CN" });
      expect(second.sheets).toEqual(names.map((n) => `${n}(2)`));

      const visible = (await workbook.listSheets()).filter((s) => s.visible).map((s) => s.name);
      expect(visible).toEqual([...userSheets, ...first.sheets, ...second.sheets]);
      expect(await contents(workbook, userSheets)).toEqual(before);
      // Both sets are written in full, and alike.
      for (const [i, name] of first.sheets.entries())
        expect((await workbook.readSheet(second.sheets[i] as string)).rows).toEqual(
          (await workbook.readSheet(name)).rows,
        );
      // What was generated is never judged as the user's data.
      const again = await runCheck(host, { lang: "zh-CN" });
      expect(again.findings).toEqual(checked.findings);
      expect(again.tables).toEqual(checked.tables);
    },
  );

  it("writes the safety schedule for the semester of today from 设置, with the school's classes", async () => {
    const workbook = await open("safety-schedule");
    const out = await generate(hostOf(workbook), { kind: "safety-schedule", lang: "zh-CN" });
    expect(out.notes).toEqual([]);
    expect(out.findings).toEqual([]);
    const tasks = await workbook.readSheet("安全工作日程");
    expect(tasks.rows[0]?.map((c) => c.value)).toEqual([
      "日期",
      "星期",
      "工作内容",
      "条款",
      "责任人",
      "检查要点",
      "完成情况",
      "检查人签字",
    ]);
    const dates = datesOf(tasks);
    // The sample's first semester: 1 September 2023 to 26 January 2024; 调休 Saturday 7 October is a
    // school day, the National Day week is not.
    expect(dates[0]).toBe("2023-09-01");
    expect(dates.at(-1)).toBe("2024-01-26");
    expect(dates).toContain("2023-10-07");
    expect(dates).not.toContain("2023-10-02");
    const roster = await workbook.readSheet("1530轮值表");
    expect(roster.rows.length).toBeGreaterThan(20);

    const custom = await generate(hostOf(workbook), {
      kind: "safety-schedule",
      lang: "en",
      from: "2023-11-01",
      to: "2023-11-30",
    });
    expect(custom.sheets).toEqual(["Safety schedule", "1530 roster"]);
    const november = datesOf(await workbook.readSheet("Safety schedule"));
    expect(november[0]).toBe("2023-11-01");
    expect(november.at(-1)).toBe("2023-11-30");
  });

  it("writes the reconciliation with money as numbers in a ¥ format", async () => {
    const workbook = await open("reconciliation");
    const out = await generate(hostOf(workbook), { kind: "reconciliation", lang: "zh-CN" });
    const sheet = await workbook.readSheet(out.sheets[0] as string);
    expect(sheet.rows[0]?.map((c) => c.value)).toEqual(["项目", "金额", "项目", "金额"]);
    const money = sheet.rows.flatMap((r) => r.filter((c) => typeof c.value === "number"));
    expect(money.length).toBeGreaterThan(0);
    expect(money.every((c) => c.format?.includes("¥#,##0.00"))).toBe(true);
    // The findings are about the bank journal and statement (the sample's outstanding items).
    expect(out.findings.length).toBeGreaterThan(0);
    expect(out.findings.every((f) => f.rule.startsWith("finance/"))).toBe(true);
    expect(out.findings.map((f) => f.rule)).toContain("finance/outstanding-item");
  });

  it("writes the canteen settlement whose purchases add up to the purchase log's amounts", async () => {
    const workbook = await open("canteen-settlement");
    const out = await generate(hostOf(workbook), { kind: "canteen-settlement", lang: "en" });
    expect(out.sheets).toEqual(["Canteen settlement"]);
    const sheet = await workbook.readSheet("Canteen settlement");
    const header = sheet.rows[0]?.map((c) => c.value) ?? [];
    const column = header.indexOf("Purchases");
    const total = sheet.rows.find((r) => /total|合计/i.test(String(r[0]?.value)));
    expect(total?.[column]?.format).toContain("¥");
    const log = await workbook.readSheet("采购验收");
    let fen = 0;
    log.rows.forEach((row, i) => {
      const amount = row[7]?.value;
      if (i >= 3 && typeof amount === "number") fen += Math.round(amount * 100);
    });
    expect(Math.round((total?.[column]?.value as number) * 100)).toBe(fen);
  });

  it("writes the training roster from the sample's settings, a second time with links to its own sheets", async () => {
    const workbook = await open("training-roster");
    const host = hostOf(workbook);
    const userSheets = (await workbook.listSheets()).map((s) => s.name);
    const first = await generate(host, { kind: "training-roster", lang: "zh-CN" });
    expect(first.sheets.slice(0, 2)).toEqual(["总览", "训练计划（按周）"]);
    expect(first.sheets.filter((n) => n.startsWith("教练 "))).toHaveLength(7);
    const days = first.sheets.filter((n) => /^9月\d+日 周[一二三四五]$/.test(n));
    expect(days).toHaveLength(19);
    expect(first.notes.some((n) => n.includes("没有安排教练"))).toBe(true);
    // The entry checks of the meet: the athlete over the events limit is among them.
    expect(first.findings.some((f) => f.rule.startsWith("sports/") && f.severity === "error")).toBe(true);

    const second = await generate(host, { kind: "training-roster", lang: "zh-CN" });
    expect(second.sheets).toHaveLength(first.sheets.length);
    expect(second.sheets.every((n) => n.endsWith("(2)"))).toBe(true);
    expect(new Set([...userSheets, ...first.sheets, ...second.sheets]).size).toBe(
      userSheets.length + 2 * first.sheets.length,
    );
    // Read back: the second overview links to the second set's sheets.
    const links = await workbook.readLinks("总览(2)");
    const targets = Object.values(links).map((l) => l.sheet);
    expect(targets.length).toBeGreaterThan(20);
    expect(targets.every((t) => second.sheets.includes(t))).toBe(true);
  });
});

describe("generate with nothing to work from", () => {
  const empty = () => new MemoryWorkbook({ sheets: [{ name: "Sheet1", rows: [["备忘"]] }] });

  it.each([
    ["reconciliation", "zh-CN", "没有找到银行对账单"],
    ["reconciliation", "en", "No bank statement found"],
    ["canteen-settlement", "zh-CN", "没有找到食堂采购验收记录"],
    ["training-roster", "en", "No athletes table found"],
  ] as const)("%s (%s) says what is missing and writes nothing", async (kind, lang, text) => {
    const workbook = empty();
    const error = await errorOf(generate(hostOf(workbook), { kind, lang }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toContain(text);
    expect(error.text[lang]).toContain(text);
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("asks for the meet day when neither the request, the settings nor the programme give it", async () => {
    const workbook = new MemoryWorkbook({
      sheets: [
        {
          name: "运动员",
          rows: [
            ["学号", "姓名", "班级", "性别", "参赛项目"],
            ["S001", "陈子涵", "四(1)班", "男", "100米、200米"],
            ["S002", "林雨桐", "四(2)班", "女", "800米"],
          ],
        },
        {
          name: "教练",
          rows: [
            ["姓名", "执教项目", "可带训日"],
            ["王老师", "短跑、中长跑", "周一至周五"],
          ],
        },
      ],
    });
    const host = hostOf(workbook, "2023-09-01");
    const error = await errorOf(generate(host, { kind: "training-roster", lang: "zh-CN" }));
    expect(error.message).toContain("不知道运动会哪天举行");
    expect(error.text.en).toContain("meet day");
    expect(workbook.sheetNames()).toEqual(["运动员", "教练"]);

    const backwards = await errorOf(
      generate(host, { kind: "training-roster", lang: "en", meet: "2023-09-28", start: "2023-10-01" }),
    );
    expect(backwards.message).toBe(
      "The first training day 2023-10-01 must be before the meet day 2023-09-28",
    );

    // With the day given, the roster is written: the links of its overview lead to its own sheets.
    const out = await generate(host, { kind: "training-roster", lang: "zh-CN", meet: "2023-09-28" });
    expect(out.sheets).toContain("教练 王老师");
    const again = await generate(host, { kind: "training-roster", lang: "zh-CN", meet: "2023-09-28" });
    expect(again.sheets).toContain("教练 王老师(2)");
    const overview = workbook.sheet(again.sheets[0] as string);
    const linked = Object.values(overview.links).map((l) => l.sheet);
    expect(linked).toContain("教练 王老师(2)");
    expect(linked.every((s) => again.sheets.includes(s))).toBe(true);
    expect(workbook.sheet("运动员").values[1]).toEqual(["S001", "陈子涵", "四(1)班", "男", "100米、200米"]);
  });

  it("schedules 20 weeks from today without semester dates, and says so", async () => {
    const workbook = empty();
    const out = await generate(hostOf(workbook, "2023-10-20"), { kind: "safety-schedule", lang: "zh-CN" });
    expect(out.sheets).toEqual(["安全工作日程", "1530轮值表"]);
    expect(out.notes).toEqual([
      expect.stringContaining("没有学期日期"),
      "已生成 2023-10-20 至 2024-03-07（20 周）的日程",
      expect.stringContaining("没有班级名单"),
    ]);
    const dates = datesOf(await workbook.readSheet("安全工作日程"));
    expect(dates[0]).toBe("2023-10-20");
    expect(dates.every((d) => d <= "2024-03-07")).toBe(true);
  });

  it("takes the coming semester in the holidays, and the last one once every semester has ended", async () => {
    const settings = () =>
      new MemoryWorkbook({
        sheets: [
          {
            name: "设置",
            rows: [
              ["设置项", "值"],
              ["第一学期开始", "2023-09-01"],
              ["第一学期结束", "2024-01-26"],
              ["班级", "一(1)班、一(2)班"],
            ],
          },
        ],
      });
    const summer = settings();
    const coming = await generate(hostOf(summer, "2023-08-20"), { kind: "safety-schedule", lang: "zh-CN" });
    expect(coming.notes).toEqual([]);
    const comingDates = datesOf(await summer.readSheet("安全工作日程"));
    expect([comingDates[0], comingDates.at(-1)]).toEqual(["2023-09-01", "2024-01-26"]);

    const spring = settings();
    const past = await generate(hostOf(spring, "2024-03-01"), { kind: "safety-schedule", lang: "en" });
    expect(past.notes).toEqual([
      "Every semester in the settings has ended, so the last one (2023-09-01 to 2024-01-26) was used; update the semester dates in 设置 for the new one",
    ]);
    const pastDates = datesOf(await spring.readSheet("Safety schedule"));
    expect([pastDates[0], pastDates.at(-1)]).toEqual(["2023-09-01", "2024-01-26"]);
  });

  it("refuses dates that are not dates or run backwards", async () => {
    const host = hostOf(empty());
    const bad = await errorOf(generate(host, { kind: "safety-schedule", lang: "en", from: "2023-02-30" }));
    expect(bad.message).toBe("“2023-02-30” is not a date; write it as YYYY-MM-DD");
    const backwards = await errorOf(
      generate(host, { kind: "safety-schedule", lang: "zh-CN", from: "2023-12-01", to: "2023-11-01" }),
    );
    expect(backwards.message).toBe("开始日期 2023-12-01 晚于结束日期 2023-11-01");
    expect(backwards.text.en).toBe("The first day 2023-12-01 is after the last day 2023-11-01");
    const unknown = await errorOf(
      generate(host, { kind: "timetable", lang: "en" } as unknown as GenerateRequest),
    );
    expect(unknown.code).toBe("INVALID_ARGUMENT");
  });
});

describe("the list of generated sheets", () => {
  it("is kept hidden, and a user's sheet that happens to bear its name stays the user's", async () => {
    const workbook = new MemoryWorkbook({
      sheets: [
        {
          name: "houqin_generated",
          rows: [
            ["班级", "班主任"],
            ["一(1)班", "王老师"],
            ["一(2)班", "李老师"],
          ],
        },
      ],
    });
    const out = await generate(hostOf(workbook), { kind: "safety-schedule", lang: "zh-CN" });
    // The user's sheet was read as the class list: the 1530 roster has its classes, and it is untouched.
    expect(out.notes.some((n) => n.includes("班级名单"))).toBe(false);
    expect(workbook.sheet("houqin_generated").values).toEqual([
      ["班级", "班主任"],
      ["一(1)班", "王老师"],
      ["一(2)班", "李老师"],
    ]);
    expect(workbook.sheetNames()).toEqual(["houqin_generated", "安全工作日程", "1530轮值表"]);

    const own = new MemoryWorkbook({ sheets: [] });
    await generate(hostOf(own), { kind: "safety-schedule", lang: "zh-CN" });
    expect(own.sheet("houqin_generated")).toMatchObject({
      hidden: true,
      values: [["houqin:generated"], ["安全工作日程"], ["1530轮值表"]],
    });
  });
});
