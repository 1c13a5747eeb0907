import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSafetyWorkbook } from "@houqin/samples";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../main.js";
import { captureIo } from "./captureIo.js";

describe("houqin check on a safety workbook, end to end", () => {
  let dir: string;
  let input: string;
  let planted: { rule: string; sheet: string; cell: string }[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "houqin-safety-"));
    input = join(dir, "安全管理.xlsx");
    const sample = generateSafetyWorkbook({ seed: 5 });
    planted = sample.planted;
    await sample.workbook.xlsx.writeFile(input);
  });

  it("reports exactly the planted gaps and faults", async () => {
    const io = captureIo(dir);
    expect(await main(["check", input, "--json"], io)).toBe(1);
    const json = JSON.parse(io.out());
    const key = (f: { rule: string; sheet: string; cell: string }) => `${f.sheet}!${f.cell} ${f.rule}`;
    expect(json.findings.map(key).sort()).toEqual(planted.map(key).sort());
    expect(json.tables.map((t: { kind: string }) => t.kind).sort()).toEqual([
      "safety.drill-log",
      "safety.education-log",
      "safety.extinguisher-register",
      "safety.guard-log",
      "safety.inspection-log",
    ]);
  });

  it("gives the compliance summary per duty in the JSON and as a sheet", async () => {
    const io = captureIo(dir);
    await main(["check", input, "--json"], io);
    const report = JSON.parse(io.out()).reports.find((r: { id: string }) => r.id === "safety.compliance");
    const daily = report.rows.find((r: { dutyId: string }) => r.dutyId === "daily-safety-check");
    // 1 September to 29 December 2023: 82 school days — September 20 (29th is Mid-Autumn), October
    // 19 (2nd–6th off, the 调休 weekend 7th–8th on), November 22, December 21.
    expect(daily).toMatchObject({ planned: 82, onTime: 81, late: 0, missed: 1 });
    const radio = report.rows.find((r: { dutyId: string }) => r.dutyId === "radio-1530");
    expect(radio).toMatchObject({ missed: 1 });

    const out = join(dir, "checked.xlsx");
    await main(["check", input, "--out", out], captureIo(dir));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet("安全工作完成情况");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "工作内容",
      "条款",
      "应做次数",
      "按时完成",
      "补登",
      "缺失",
      "完成率",
    ]);
    // A second run replaces the summary instead of adding another.
    const again = join(dir, "again.xlsx");
    await main(["check", out, "--out", again], captureIo(dir));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(again);
    expect(wb2.worksheets.filter((w) => w.name.startsWith("安全工作完成情况"))).toHaveLength(1);
  });

  it("finds nothing in the complete logs", async () => {
    const clean = join(dir, "clean.xlsx");
    await generateSafetyWorkbook({ seed: 5, defects: false }).workbook.xlsx.writeFile(clean);
    const io = captureIo(dir);
    expect(await main(["check", clean, "--json"], io)).toBe(0);
    expect(JSON.parse(io.out()).findings).toEqual([]);
  });
});
