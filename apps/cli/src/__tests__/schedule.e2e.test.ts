import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSafetyWorkbook } from "@houqin/samples";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../main.js";
import { captureIo } from "./captureIo.js";

describe("houqin schedule", () => {
  let dir: string;
  let settings: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "houqin-schedule-"));
    settings = join(dir, "安全管理.xlsx");
    await generateSafetyWorkbook().workbook.xlsx.writeFile(settings);
  });

  it("writes the dated tasks and the 1530 roster for the school's semester", async () => {
    const out = join(dir, "日程.xlsx");
    const io = captureIo(dir);
    const args = [
      "schedule",
      "--from",
      "2023-09-01",
      "--to",
      "2024-01-31",
      "--settings",
      settings,
      "--out",
      out,
    ];
    expect(await main(args, io)).toBe(0);
    expect(io.out()).toContain("1530 轮值 22 次");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["安全工作日程", "1530轮值表"]);
    const tasks = wb.getWorksheet("安全工作日程");
    expect(tasks?.getRow(1).values).toEqual([
      undefined,
      "日期",
      "星期",
      "工作内容",
      "条款",
      "责任人",
      "检查要点",
      "完成情况",
      "检查人签字",
    ]);
    const dates = new Set<string>();
    tasks?.eachRow((row, n) => {
      if (n > 1) dates.add(String(row.getCell(1).value));
    });
    // 调休: Saturday 7 October is a school day and gets tasks; the National Day week's Monday does not.
    expect(dates.has("2023-10-07")).toBe(true);
    expect(dates.has("2023-10-02")).toBe(false);
    // The semester ends on 26 January: nothing after it.
    expect([...dates].every((d) => d <= "2024-01-26")).toBe(true);
    const roster = wb.getWorksheet("1530轮值表");
    const classes: string[] = [];
    roster?.eachRow((row, n) => {
      if (n > 1) classes.push(String(row.getCell(3).value));
    });
    expect(classes.slice(0, 12)).toHaveLength(new Set(classes.slice(0, 12)).size);
  });

  it("writes an iCalendar file that calendars import: CRLF, short lines, stable ids", async () => {
    const a = join(dir, "a.ics");
    const b = join(dir, "b.ics");
    for (const ics of [a, b])
      expect(
        await main(
          ["schedule", "--from", "2023-09-01", "--to", "2023-09-30", "--settings", settings, "--ics", ics],
          captureIo(dir),
        ),
      ).toBe(0);
    const text = await readFile(a, "utf8");
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const events = text.match(/BEGIN:VEVENT/g)?.length ?? 0;
    expect(events).toBeGreaterThan(20);
    const uids = text.match(/^UID:.*$/gm) ?? [];
    expect(new Set(uids).size).toBe(events);
    expect(await readFile(b, "utf8")).toBe(text);
  });

  it("refuses a range that ends before it starts, and a run with nowhere to write", async () => {
    const backwards = captureIo(dir);
    expect(
      await main(
        ["schedule", "--from", "2024-01-31", "--to", "2023-09-01", "--out", join(dir, "x.xlsx")],
        backwards,
      ),
    ).toBe(2);
    expect(backwards.err()).toContain("--from");
    const nowhere = captureIo(dir);
    expect(await main(["schedule", "--from", "2023-09-01", "--to", "2023-09-30"], nowhere)).toBe(2);
    expect(nowhere.err()).toContain("--out");
  });
});
