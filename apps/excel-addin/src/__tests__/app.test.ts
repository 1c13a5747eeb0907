import type { Finding, Lang } from "@houqin/core";
import {
  type GeneratedWorkbook,
  generateAssetsWorkbook,
  generateCanteenWorkbook,
  generateFeeWorkbook,
  generateFinanceWorkbook,
  generateSafetyWorkbook,
  generateSportsWorkbook,
} from "@houqin/samples";
import { cellAddress, MemoryWorkbook, readSettings, type Workbook } from "@houqin/workbook";
import { XlsxWorkbook } from "@houqin/workbook/xlsx";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AddinError,
  type AddinHost,
  clearMarks,
  DOMAINS,
  groupFindings,
  listTables,
  type Progress,
  runCheck,
  saveMapping,
  writeCheckResults,
} from "../app/index.js";

/** The date the CLI's end-to-end tests check the samples on. */
const TODAY = "2023-10-20";

function hostOf(workbook: Workbook, today = TODAY): AddinHost & { selected: string[] } {
  const selected: string[] = [];
  return {
    workbook,
    selected,
    select: async (sheet, cell) => {
      selected.push(`${sheet}!${cell}`);
    },
    today: () => today,
  };
}

async function xlsxOf(sample: GeneratedWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(new Uint8Array(await sample.workbook.xlsx.writeBuffer()));
}

const key = (f: { rule: string; sheet?: string; cell?: string }) => `${f.sheet}!${f.cell} ${f.rule}`;

/**
 * Every cell of the given sheets: its value, fill and note, by "sheet!address" (blank cells too, up
 * to the used range, and the extra addresses given).
 */
async function snapshot(
  workbook: Workbook,
  sheets: readonly string[],
  extra: readonly Finding[] = [],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of sheets) {
    const sheet = await workbook.readSheet(name);
    const width = Math.max(0, ...sheet.rows.map((r) => r.length));
    const addresses = new Set<string>();
    for (let r = 1; r <= sheet.rows.length; r++)
      for (let c = 1; c <= width; c++) addresses.add(cellAddress(r, c));
    for (const f of extra) if (f.sheet === name && f.cell) addresses.add(f.cell);
    const decorations = await workbook.readDecorations(name, [...addresses]);
    for (const d of decorations) {
      const m = /^([A-Z]+)(\d+)$/.exec(d.address) as RegExpExecArray;
      const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const value = sheet.rows[Number(m[2]) - 1]?.[col - 1]?.value ?? null;
      out.set(`${name}!${d.address}`, JSON.stringify([value, d.fill, d.note]));
    }
  }
  return out;
}

const SAMPLES: readonly [string, () => GeneratedWorkbook][] = [
  ["fees", () => generateFeeWorkbook({ seed: 11, charges: 150 })],
  ["safety", () => generateSafetyWorkbook({ seed: 5 })],
  ["assets and projects", () => generateAssetsWorkbook()],
  ["canteen", () => generateCanteenWorkbook()],
  ["finance", () => generateFinanceWorkbook()],
  ["sports", () => generateSportsWorkbook()],
];

describe("runCheck on the sample workbooks", () => {
  const samples = new Map<string, { buffer: Uint8Array; planted: GeneratedWorkbook["planted"] }>();

  beforeAll(async () => {
    for (const [name, make] of SAMPLES) {
      const sample = make();
      samples.set(name, {
        buffer: new Uint8Array(await sample.workbook.xlsx.writeBuffer()),
        planted: sample.planted,
      });
    }
  }, 120_000);

  it.each(SAMPLES.map(([name]) => name))(
    "finds exactly the planted defects of the %s sample, and changes no cell",
    async (name) => {
      const { buffer, planted } = samples.get(name) as {
        buffer: Uint8Array;
        planted: GeneratedWorkbook["planted"];
      };
      const workbook = await XlsxWorkbook.fromBuffer(buffer);
      const sheets = (await workbook.listSheets()).map((s) => s.name);
      const before = await snapshot(workbook, sheets);
      const outcome = await runCheck(hostOf(workbook), { lang: "zh-CN" });
      expect(outcome.findings.map(key).sort()).toEqual(planted.map(key).sort());
      expect(outcome.summary.error + outcome.summary.warning + outcome.summary.info).toBe(planted.length);
      expect((await workbook.listSheets()).map((s) => s.name)).toEqual(sheets);
      expect(await snapshot(workbook, sheets)).toEqual(before);
    },
  );

  it("runs one domain only when asked: the finance sample's defects under finance, nothing under canteen", async () => {
    const { buffer, planted } = samples.get("finance") as {
      buffer: Uint8Array;
      planted: GeneratedWorkbook["planted"];
    };
    const workbook = await XlsxWorkbook.fromBuffer(buffer);
    const labels: string[] = [];
    const finance = await runCheck(hostOf(workbook), {
      domain: "finance",
      lang: "zh-CN",
      onProgress: (p) => {
        if (p.phase === "check" && p.label !== "") labels.push(p.label);
      },
    });
    expect(finance.findings.map(key).sort()).toEqual(planted.map(key).sort());
    expect(finance.tables.every((t) => t.kind.startsWith("finance."))).toBe(true);
    const financeTitles = DOMAINS.find((d) => d.id === "finance")?.module.checks.map((c) => c.title["zh-CN"]);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => financeTitles?.includes(l))).toBe(true);

    const canteen = await runCheck(hostOf(workbook), { domain: "canteen", lang: "zh-CN" });
    expect(canteen.findings).toEqual([]);
    expect(canteen.summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(canteen.tables).toEqual([]);

    // Each domain's run reports its own part of the full run's findings.
    const full = await runCheck(hostOf(workbook), { lang: "zh-CN" });
    const parts = [];
    for (const d of DOMAINS)
      parts.push(...(await runCheck(hostOf(workbook), { domain: d.id, lang: "zh-CN" })).findings);
    expect(parts.map(key).sort()).toEqual(full.findings.map(key).sort());

    const sports = await runCheck(
      hostOf(await XlsxWorkbook.fromBuffer(samples.get("sports")?.buffer as Uint8Array)),
      {
        domain: "sports",
        lang: "en",
      },
    );
    expect(sports.findings.every((f) => f.rule.startsWith("sports/"))).toBe(true);
    expect(sports.findings.map(key).sort()).toEqual(samples.get("sports")?.planted.map(key).sort());
  });

  it("leaves a cell another domain's table cannot use to that domain's run", async () => {
    const { buffer, planted } = samples.get("fees") as {
      buffer: Uint8Array;
      planted: GeneratedWorkbook["planted"];
    };
    const unusable = planted.filter((p) => p.rule === "workbook/error-value").map(key);
    expect(unusable).toHaveLength(1);
    const workbook = await XlsxWorkbook.fromBuffer(buffer);
    const safety = await runCheck(hostOf(workbook), { domain: "safety", lang: "zh-CN" });
    expect(safety.findings).toEqual([]);
    const finance = await runCheck(hostOf(workbook), { domain: "finance", lang: "zh-CN" });
    expect(finance.findings.map(key)).toEqual(expect.arrayContaining(unusable));
  });

  it("refuses a domain it does not know", async () => {
    const host = hostOf(new MemoryWorkbook({ sheets: [] }));
    await expect(runCheck(host, { domain: "library", lang: "en" })).rejects.toThrow(AddinError);
    await expect(runCheck(host, { domain: "library", lang: "en" })).rejects.toThrow(
      "There is no domain “library” to check",
    );
  });

  it("reports progress through reading and checking, from 0 to 1, never going back", async () => {
    const workbook = await XlsxWorkbook.fromBuffer(samples.get("canteen")?.buffer as Uint8Array);
    const seen: Progress[] = [];
    await runCheck(hostOf(workbook), { lang: "zh-CN", onProgress: (p) => seen.push(p) });
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    const reads = seen.filter((p) => p.phase === "read");
    const checks = seen.filter((p) => p.phase === "check");
    expect(reads.map((p) => p.label)).toContain("采购验收");
    expect(reads.every((p) => p.fraction <= 0.8)).toBe(true);
    expect(checks.length).toBeGreaterThan(1);
    expect(checks.every((p) => p.fraction >= 0.8)).toBe(true);
    expect(seen.findIndex((p) => p.phase === "check")).toBe(reads.length);
  });

  it("writes the results and marks, then clear leaves every user cell's value, fill and note as before", async () => {
    const { buffer, planted } = samples.get("fees") as {
      buffer: Uint8Array;
      planted: GeneratedWorkbook["planted"];
    };
    const workbook = await XlsxWorkbook.fromBuffer(buffer);
    const host = hostOf(workbook);
    const sheets = (await workbook.listSheets()).map((s) => s.name);
    const outcome = await runCheck(host, { lang: "zh-CN" });
    const before = await snapshot(workbook, sheets, outcome.findings);

    const written = await writeCheckResults(host, outcome, "zh-CN");
    expect(written).toMatchObject({ sheet: "检查结果", findings: planted.length });
    expect(written.markedCells).toBe(new Set(planted.map((p) => `${p.sheet}!${p.cell}`)).size);
    const marked = await snapshot(workbook, sheets, outcome.findings);
    const changed = [...marked].filter(([address, cell]) => before.get(address) !== cell);
    expect(changed.map(([address]) => address).sort()).toEqual(
      [...new Set(planted.map((p) => `${p.sheet}!${p.cell}`))].sort(),
    );
    for (const [address, cell] of changed) {
      const [value, fill, note] = JSON.parse(cell) as [unknown, string, string];
      expect(value, address).toEqual(JSON.parse(before.get(address) as string)[0]);
      expect(fill).toMatch(/FFFFC7CE|FFFFEB9C/);
      expect(note).toContain("houqin");
    }
    const results = await workbook.readSheet("检查结果");
    expect(results.rows.length - 1).toBe(planted.length);

    // Checking again, with results in the workbook, finds the same and judges none of houqin's sheets.
    const again = await runCheck(host, { lang: "zh-CN" });
    expect(again.findings.map(key)).toEqual(outcome.findings.map(key));

    expect(await clearMarks(host)).toBe(written.markedCells);
    expect((await workbook.listSheets()).map((s) => s.name)).toEqual(sheets);
    expect(await snapshot(workbook, sheets, outcome.findings)).toEqual(before);
    expect(await clearMarks(host)).toBe(0);
  });
});

describe("groupFindings", () => {
  const f = (
    severity: Finding["severity"],
    sheet: string | undefined,
    row?: number,
    rule = "x/y",
  ): Finding => ({
    rule,
    severity,
    message: `${sheet}:${row}`,
    ...(sheet === undefined ? {} : { sheet }),
    ...(row === undefined ? {} : { row, cell: `A${row}` }),
  });

  it("groups by severity (errors, warnings, info), then sheet in order of appearance, then row", () => {
    const findings = [
      f("info", "收费标准", 3),
      f("warning", undefined),
      f("error", "收费明细", 40),
      f("warning", "收费标准", 9),
      f("error", "收费明细", 12),
      f("error", "收费标准", 5),
      f("error", "收费明细", 12, "x/second"),
      f("warning", "收费标准", 2),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ["error", 4],
      ["warning", 3],
      ["info", 1],
    ]);
    expect(
      groups.map((g) =>
        g.sheets.map((s) => [s.sheet, s.findings.map((x) => `${x.row}${x.rule === "x/second" ? "b" : ""}`)]),
      ),
    ).toEqual([
      [
        ["收费明细", ["12", "12b", "40"]],
        ["收费标准", ["5"]],
      ],
      [
        ["", ["undefined"]],
        ["收费标准", ["2", "9"]],
      ],
      [["收费标准", ["3"]]],
    ]);
    expect(groupFindings([])).toEqual([]);
    expect(groupFindings([f("info", "A", 1)]).map((g) => g.severity)).toEqual(["info"]);
  });
});

describe("listTables and saveMapping", () => {
  /** A charges sheet under a title, and a column 实收 the user says is the amount. */
  function chargesWorkbook(settings?: (string | number | null)[][]): MemoryWorkbook {
    return new MemoryWorkbook({
      sheets: [
        {
          name: "收费记录",
          rows: [
            ["2023年秋季收费记录"],
            [],
            ["学生姓名", "班级", "收费项目", "金额", "收费日期", "实收"],
            ["张三", "一(1)班", "午餐费", 600, "2023-09-04", 580],
            ["李四", "一(2)班", "午餐费", 600, "2023-09-05", 600],
          ],
        },
        ...(settings ? [{ name: "设置", rows: settings }] : []),
      ],
    });
  }

  it("lists the recognised tables with their fields, columns and the kinds to choose from", async () => {
    const workbook = await xlsxOf(generateFeeWorkbook({ seed: 11, charges: 40 }));
    const progress: Progress[] = [];
    const { tables, kinds, findings } = await listTables(hostOf(workbook), {
      lang: "zh-CN",
      onProgress: (p) => progress.push(p),
    });
    expect(tables.map((t) => [t.sheet, t.kind, t.domain, t.headerRow, t.firstRow, t.overridden])).toEqual([
      ["收费标准", "finance.fee-schedule", "finance", 4, 5, false],
      ["收费明细", "finance.charges", "finance", 5, 6, false],
    ]);
    const charges = tables[1];
    expect(charges?.kindTitle).toEqual({ "zh-CN": "收费明细", en: "Charges" });
    expect(charges?.fields.find((x) => x.key === "amount")).toMatchObject({
      required: true,
      title: { en: "Amount" },
    });
    expect(charges?.fields.every((x) => x.column === null || /^[A-Z]+$/.test(x.column))).toBe(true);
    expect(charges?.fields.filter((x) => x.required).every((x) => x.column !== null)).toBe(true);
    expect(kinds.map((k) => k.id)).toEqual(
      expect.arrayContaining(["finance.charges", "safety.inspection-log", "sports.athletes"]),
    );
    expect(new Set(kinds.map((k) => k.domain))).toEqual(new Set(DOMAINS.map((d) => d.id)));
    // Reading reports the cells it cannot use (the planted #REF!); judging is for runCheck.
    expect(findings.map(key)).toEqual(["收费明细!E37 workbook/error-value"]);
    expect(progress.at(-1)?.fraction).toBe(1);
  });

  it("saves a mapping into a new 设置 sheet, after which the table reads the column from it", async () => {
    const workbook = chargesWorkbook();
    const host = hostOf(workbook);
    const before = await listTables(host, { lang: "zh-CN" });
    const amount = (tables: typeof before.tables) =>
      tables[0]?.fields.find((x) => x.key === "amount")?.column;
    expect(amount(before.tables)).toBe("D");

    const saved = await saveMapping(host, {
      sheet: "收费记录",
      kind: "finance.charges",
      headerRow: 3,
      columns: { amount: "f" },
      lang: "zh-CN",
    });
    expect(saved).toEqual({ settingsSheet: "设置", cells: ["A1", "B1", "A2", "B2", "A3", "B3", "A4", "B4"] });
    expect(workbook.sheetNames()).toEqual(["收费记录", "设置"]);
    expect(workbook.sheet("设置").values).toEqual([
      ["设置项", "值"],
      ["表格类型:收费记录", "finance.charges"],
      ["表头行:收费记录", 3],
      ["列:收费记录:amount", "F"],
    ]);
    // The round trip: readSettings gives back what was saved.
    const { settings } = readSettings(await workbook.readSheet("设置"), "1900", "zh-CN");
    expect(settings.overrides.get("收费记录")).toMatchObject({
      kind: "finance.charges",
      headerRow: 3,
      columns: { amount: "F" },
    });
    // The user's sheet is as it was.
    expect(workbook.sheet("收费记录").values[3]).toEqual([
      "张三",
      "一(1)班",
      "午餐费",
      600,
      "2023-09-04",
      580,
    ]);

    const after = await listTables(host, { lang: "zh-CN" });
    expect(after.tables[0]).toMatchObject({
      sheet: "收费记录",
      kind: "finance.charges",
      headerRow: 3,
      overridden: true,
    });
    expect(amount(after.tables)).toBe("F");
    expect(after.findings).toEqual([]);

    // null gives the column back to recognition: the same row is emptied, nothing is appended.
    const reset = await saveMapping(host, {
      sheet: "收费记录",
      kind: "finance.charges",
      columns: { amount: null },
      lang: "zh-CN",
    });
    expect(reset).toEqual({ settingsSheet: "设置", cells: ["B4"] });
    expect(amount((await listTables(host, { lang: "zh-CN" })).tables)).toBe("D");
  });

  it("updates the row the user wrote with a field title instead of adding another", async () => {
    const workbook = chargesWorkbook([
      ["设置项", "值"],
      ["学校名称", "示例小学"],
      ["列:收费记录:金额", "E"],
      ["第一学期开始", "2023-09-01"],
    ]);
    const host = hostOf(workbook);
    const saved = await saveMapping(host, {
      sheet: "收费记录",
      kind: "finance.charges",
      columns: { amount: "F" },
      lang: "zh-CN",
    });
    expect(saved.cells).toEqual(["B3", "A5", "B5"]);
    expect(workbook.sheet("设置").values).toEqual([
      ["设置项", "值"],
      ["学校名称", "示例小学"],
      ["列:收费记录:金额", "F"],
      ["第一学期开始", "2023-09-01"],
      ["表格类型:收费记录", "finance.charges"],
    ]);
    const { tables } = await listTables(host, { lang: "zh-CN" });
    expect(tables[0]?.fields.find((x) => x.key === "amount")?.column).toBe("F");
  });

  it("rejects a wrong column letter, header row, kind, field or sheet with a message in the user's language, writing nothing", async () => {
    const workbook = chargesWorkbook();
    const host = hostOf(workbook);
    const bad = [
      [
        { sheet: "收费记录", kind: "finance.charges", columns: { amount: "1A" } },
        "列“1A”无效",
        "not a column",
      ],
      [{ sheet: "收费记录", kind: "finance.charges", columns: { amount: "XFE" } }, "列“XFE”无效", "A to XFD"],
      [{ sheet: "收费记录", kind: "finance.charges", headerRow: 0, columns: {} }, "表头行", "header row"],
      [{ sheet: "收费记录", kind: "finance.nonsense", columns: {} }, "不认识表格类型", "Unknown table kind"],
      [{ sheet: "收费记录", kind: "finance.charges", columns: { colour: "B" } }, "没有“colour”", "no field"],
      [
        { sheet: "收费记录", kind: "finance.charges", columns: { toString: "B" } },
        "没有“toString”",
        "no field",
      ],
      [
        { sheet: "没有这张表", kind: "finance.charges", columns: {} },
        "没有名为“没有这张表”",
        "no sheet named",
      ],
    ] as const;
    for (const [change, zh, en] of bad) {
      const refused = (lang: Lang) =>
        saveMapping(host, { ...change, lang }).then(
          () => undefined,
          (e: unknown) => e,
        );
      const chinese = await refused("zh-CN");
      expect(chinese, JSON.stringify(change)).toBeInstanceOf(AddinError);
      expect((chinese as AddinError).code).toBe("INVALID_ARGUMENT");
      expect((chinese as AddinError).message).toContain(zh);
      expect((chinese as AddinError).message).not.toContain(en);
      expect((chinese as AddinError).text.en).toContain(en);
      const english = await refused("en");
      expect((english as AddinError).message).toContain(en);
      expect((english as AddinError).message).not.toContain(zh);
      expect((english as AddinError).text["zh-CN"]).toContain(zh);
    }
    expect(workbook.sheetNames()).toEqual(["收费记录"]);
  });
});
