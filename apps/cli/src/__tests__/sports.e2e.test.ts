import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSportsWorkbook } from "@houqin/samples";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../main.js";
import { captureIo } from "./captureIo.js";

describe("houqin check and roster on a sports workbook, end to end", () => {
  let dir: string;
  let input: string;
  let planted: { rule: string; sheet: string; cell: string }[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "houqin-sports-"));
    input = join(dir, "体育工作.xlsx");
    const sample = generateSportsWorkbook();
    planted = sample.planted;
    await sample.workbook.xlsx.writeFile(input);
  });

  it("reports exactly the planted defects of the entries, coaching, clubs, attendance and big recess", async () => {
    const io = captureIo(dir);
    expect(await main(["check", input, "--json"], io)).toBe(1);
    const json = JSON.parse(io.out());
    const key = (f: { rule: string; sheet: string; cell: string }) => `${f.sheet}!${f.cell} ${f.rule}`;
    expect(json.findings.map(key).sort()).toEqual(planted.map(key).sort());
    expect(json.reports.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([
        "sports.coach-assignment",
        "sports.club-choices",
        "sports.club-rosters",
        "sports.attendance-summary",
        "sports.venue-rotation",
        "sports.daily-activity",
      ]),
    );
  });

  it("finds nothing in the clean variant", async () => {
    const clean = join(dir, "clean.xlsx");
    await generateSportsWorkbook({ defects: false }).workbook.xlsx.writeFile(clean);
    const io = captureIo(dir);
    expect(await main(["check", clean, "--json"], io)).toBe(0);
    expect(JSON.parse(io.out()).findings).toEqual([]);
  });

  it("writes the roster from the sample's own settings: the meet day and the first training day", async () => {
    const out = join(dir, "roster.xlsx");
    const io = captureIo(dir);
    // Two athlete-groups without a coach and two entry errors: exit 1.
    expect(await main(["roster", input, "--out", out], io)).toBe(1);
    expect(io.out()).toContain("2023-09-01 至 2023-09-28");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(["总览", "训练计划（按周）"]);
    expect(names.filter((n) => n.startsWith("教练 "))).toHaveLength(7);
    // Training days: the school days from 1 to 27 September 2023.
    const days = names.filter((n) => /^9月\d+日 周[一二三四五]$/.test(n));
    expect(days).toHaveLength(19);
    expect(days).not.toContain("9月28日 周四");
  });
});
