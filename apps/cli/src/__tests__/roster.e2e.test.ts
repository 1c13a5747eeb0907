import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../main.js";
import { captureIo } from "./captureIo.js";

const COACHES = [
  ["王老师", "短跑、接力", "周一至周五"],
  ["李老师", "中长跑", "周一、三、五"],
  ["张老师", "跳跃、投掷", "周一至周五"],
];

const ATHLETES = [
  ["S001", "陈子涵", "四(1)班", "男", "100米、200米", "13.9秒"],
  ["S002", "林雨桐", "四(2)班", "女", "800米", "3分05秒"],
  ["S003", "周浩然", "五(1)班", "男", "跳远、铅球、100米", "4.10米"], // three events, limit two
  ["S004", "吴欣怡", "五(2)班", "女", "跳高、4×100米", null],
  ["S005", "徐宇航", "六(1)班", "男", "400米、1000米", null],
  ["S006", "孙梓轩", "六(2)班", "男", "垒球、4×100米", null],
];

async function writeAthletes(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const team = wb.addWorksheet("运动员");
  team.addRow(["2023年秋季田径运动会 运动员名单"]);
  team.addRow([]);
  team.addRow(["学号", "姓名", "班级", "性别", "参赛项目", "最好成绩"]);
  for (const a of ATHLETES) team.addRow(a);
  const staff = wb.addWorksheet("教练");
  staff.addRow(["姓名", "执教项目", "可带训日"]);
  for (const c of COACHES) staff.addRow(c);
  const programme = wb.addWorksheet("比赛项目");
  programme.addRow(["比赛项目", "比赛日期", "每人限报项数"]);
  for (const [i, e] of [
    "100米",
    "200米",
    "400米",
    "800米",
    "1000米",
    "跳远",
    "跳高",
    "铅球",
    "垒球",
    "4×100米",
  ].entries())
    programme.addRow([e, "2023-09-28", i === 0 ? 2 : null]);
  await wb.xlsx.writeFile(path);
}

function column(ws: ExcelJS.Worksheet | undefined, col: number): string[] {
  const out: string[] = [];
  ws?.eachRow((row) => {
    out.push(String(row.getCell(col).text ?? ""));
  });
  return out;
}

describe("houqin roster", () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "houqin-roster-"));
    file = join(dir, "运动员名单.xlsx");
    await writeAthletes(file);
  });

  it("writes the roster: overview, plan, coach and school-day sheets, and the entry check", async () => {
    const out = join(dir, "roster.xlsx");
    const io = captureIo(dir);
    const code = await main(
      ["roster", file, "--meet", "2023-09-28", "--start", "2023-09-01", "--out", out],
      io,
    );
    expect(io.out()).toContain("运动员 6 人，教练 3 人");
    expect(io.out()).toContain("报名问题 1 个");
    expect(io.out()).toMatch(/报名 错误 运动员!E6: 周浩然（五\(1\)班）报了 3 个项目/);
    // The athlete over the limit is an entry error: exit 1.
    expect(code).toBe(1);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(["总览", "训练计划（按周）"]);
    expect(names).toEqual(expect.arrayContaining(["教练 王老师", "教练 李老师", "教练 张老师", "报名检查"]));

    // The coach's sheet lists the coach's athletes.
    const wang = wb.getWorksheet("教练 王老师");
    expect(column(wang, 1)).toEqual(expect.arrayContaining(["陈子涵", "周浩然", "吴欣怡", "孙梓轩"]));
    expect(column(wang, 1)).not.toContain("林雨桐");

    // Day sheets only for school days before the meet: no weekend, nothing from 28 September on.
    const days = names.filter((n) => /^\d+月\d+日 周/.test(n));
    expect(days[0]).toBe("9月1日 周五");
    expect(days.at(-1)).toBe("9月27日 周三");
    expect(days).toHaveLength(19);
    expect(days.some((n) => /周[六日]$/.test(n))).toBe(false);
    expect(days.some((n) => /^(9月(28|29|30)日|10月)/.test(n))).toBe(false);
    const monday = wb.getWorksheet("9月4日 周一");
    expect(monday?.getRow(2).getCell(1).text).toBe("时段");
    expect(column(monday, 4)).toContain("王老师");

    // The entry check lists the athlete at the cell of their events.
    const entries = wb.getWorksheet("报名检查");
    expect(entries?.getRow(2).getCell(1).text).toBe("运动员!E6");
    expect(entries?.getRow(2).getCell(2).text).toBe("错误");
    expect(entries?.getRow(2).getCell(3).text).toContain("周浩然");
    expect(entries?.getRow(2).getCell(3).text).toContain("超过每人限报 2 项");
  });

  it("exits 0 when every athlete has a coach and no entry is wrong", async () => {
    const clean = join(dir, "clean.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const team = wb.getWorksheet("运动员");
    if (team) team.getCell("E6").value = "跳远、铅球";
    await wb.xlsx.writeFile(clean);
    const io = captureIo(dir);
    const code = await main(["roster", clean, "--out", join(dir, "clean-roster.xlsx"), "--lang", "en"], io);
    expect(io.out()).toContain("Track roster (2023-09-01 to the meet on 2023-09-28)");
    expect(code).toBe(0);
  });

  it("refuses a missing --out, a start after the meet, a missing file and the input as output", async () => {
    const noOut = captureIo(dir);
    expect(await main(["roster", file, "--meet", "2023-09-28"], noOut)).toBe(2);
    expect(noOut.err()).toContain("--out");

    const backwards = captureIo(dir);
    expect(
      await main(
        ["roster", file, "--meet", "2023-09-28", "--start", "2023-10-01", "--out", join(dir, "x.xlsx")],
        backwards,
      ),
    ).toBe(2);
    expect(backwards.err()).toContain("--start 必须早于 --meet");

    const missing = captureIo(dir);
    expect(await main(["roster", join(dir, "nope.xlsx"), "--out", join(dir, "y.xlsx")], missing)).toBe(2);
    expect(missing.err()).toContain("nope.xlsx");

    const same = captureIo(dir);
    expect(await main(["roster", file, "--out", file], same)).toBe(2);
    expect(same.err()).toContain("--out");

    const badDate = captureIo(dir);
    expect(await main(["roster", file, "--meet", "2023-09-31", "--out", join(dir, "z.xlsx")], badDate)).toBe(
      2,
    );
    expect(badDate.err()).toContain("--meet");
  });

  it("exits 2 when the workbook gives no meet day", async () => {
    const undated = join(dir, "undated.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const programme = wb.getWorksheet("比赛项目");
    programme?.eachRow((row, n) => {
      if (n > 1) row.getCell(2).value = null;
    });
    await wb.xlsx.writeFile(undated);
    const io = captureIo(dir);
    expect(await main(["roster", undated, "--out", join(dir, "u.xlsx")], io)).toBe(2);
    expect(io.err()).toContain("运动会日期");
  });
});
