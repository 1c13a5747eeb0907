import { execFile } from "node:child_process";
import { link, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { generateFeeWorkbook } from "@houqin/samples";
import { openXlsx } from "@houqin/workbook/xlsx";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../main.js";
import { captureIo } from "./captureIo.js";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "../../dist/bin.js");
const run = promisify(execFile);

/** Every user cell's value, by sheet and address, skipping houqin's own sheets. */
function userValues(wb: ExcelJS.Workbook): Map<string, unknown> {
  const values = new Map<string, unknown>();
  wb.eachSheet((ws) => {
    if (ws.name === "检查结果" || ws.name === "Check results" || ws.name === "houqin_marks") return;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        values.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
      }),
    );
  });
  return values;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe("houqin check, end to end", () => {
  let dir: string;
  let input: string;
  let planted: { rule: string; sheet: string; cell: string }[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "houqin-e2e-"));
    input = join(dir, "收费管理.xlsx");
    const sample = generateFeeWorkbook({ seed: 11, charges: 150 });
    planted = sample.planted;
    await sample.workbook.xlsx.writeFile(input);
  });

  it("reports exactly the planted findings, in JSON version 1, and exits 1 on errors", async () => {
    const io = captureIo(dir);
    const code = await main(["check", input, "--json"], io);
    expect(code).toBe(1);
    const json = JSON.parse(io.out());
    expect(json.version).toBe(1);
    expect(
      json.tables.map((t: { sheet: string; kind: string; headerRow: number; firstRow: number }) => [
        t.sheet,
        t.kind,
        t.headerRow,
        t.firstRow,
      ]),
    ).toEqual([
      ["收费标准", "finance.fee-schedule", 4, 5],
      ["收费明细", "finance.charges", 5, 6],
    ]);
    const found = json.findings.map((f: { rule: string; sheet: string; cell: string }) => ({
      rule: f.rule,
      sheet: f.sheet,
      cell: f.cell,
    }));
    const key = (f: { rule: string; sheet: string; cell: string }) => `${f.sheet}!${f.cell} ${f.rule}`;
    expect(found.map(key).sort()).toEqual(planted.map(key).sort());
    expect(json.summary).toEqual({ error: 3, warning: 2, info: 0 });
  });

  it("writes an annotated copy: results sheet with working links, filled cells, values unchanged", async () => {
    const out = join(dir, "out.xlsx");
    const code = await main(["check", input, "--out", out], captureIo(dir));
    expect(code).toBe(1);
    const before = await load(input);
    const after = await load(out);
    expect(userValues(after)).toEqual(userValues(before));

    const results = after.getWorksheet("检查结果");
    expect(results).toBeDefined();
    // Links are written as Excel writes internal links (a location, no external target), which
    // plain exceljs does not read back; the adapter does.
    const links = await (await openXlsx(out)).readLinks("检查结果");
    const rows: { sheet: string; cell: string; target: { sheet: string; cell: string } | undefined }[] = [];
    results?.eachRow((row, n) => {
      if (n === 1) return;
      rows.push({
        sheet: String(row.getCell(3).value),
        cell: String(row.getCell(4).text),
        target: links[`D${n}`],
      });
    });
    expect(rows).toHaveLength(planted.length);
    const key = (f: { sheet: string; cell: string }) => `${f.sheet}!${f.cell}`;
    expect(rows.map(key).sort()).toEqual(planted.map(key).sort());
    for (const r of rows) expect(r.target).toEqual({ sheet: r.sheet, cell: r.cell });
    for (const p of planted) {
      const cell = after.getWorksheet(p.sheet)?.getCell(p.cell);
      expect((cell?.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb, `${p.sheet}!${p.cell}`).toMatch(
        /^FF(FFC7CE|FFEB9C)$/,
      );
      expect(String(cell?.note ? JSON.stringify(cell.note) : "")).toContain("houqin");
    }
    // A neighbour that was not flagged keeps its own look.
    expect(after.getWorksheet("收费明细")?.getCell("C6").fill).toEqual(
      before.getWorksheet("收费明细")?.getCell("C6").fill,
    );
  });

  it("replaces its results on a second run instead of piling them up", async () => {
    const once = join(dir, "once.xlsx");
    const twice = join(dir, "twice.xlsx");
    await main(["check", input, "--out", once], captureIo(dir));
    await main(["check", once, "--out", twice], captureIo(dir));
    const wb = await load(twice);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n === "检查结果")).toHaveLength(1);
    expect(names.filter((n) => n.startsWith("检查结果"))).toHaveLength(1);
    expect(userValues(wb)).toEqual(userValues(await load(input)));
    expect((wb.getWorksheet("检查结果")?.rowCount ?? 0) - 1).toBe(planted.length);
  });

  it("clear restores the cells' own fills and removes the results", async () => {
    const checked = join(dir, "checked.xlsx");
    const cleared = join(dir, "cleared.xlsx");
    await main(["check", input, "--out", checked], captureIo(dir));
    expect(await main(["clear", checked, "--out", cleared], captureIo(dir))).toBe(0);
    const before = await load(input);
    const after = await load(cleared);
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    for (const p of planted) {
      expect(after.getWorksheet(p.sheet)?.getCell(p.cell).fill).toEqual(
        before.getWorksheet(p.sheet)?.getCell(p.cell).fill,
      );
      expect(after.getWorksheet(p.sheet)?.getCell(p.cell).note).toBeUndefined();
    }
  });

  it("prints a readable summary grouped by sheet, in Chinese or in English", async () => {
    const zh = captureIo(dir);
    await main(["check", input], zh);
    expect(zh.out()).toContain("发现 3 个错误、2 个警告、0 个提示");
    expect(zh.out()).toContain("■ 收费明细");
    expect(zh.out()).toContain("不在“收费标准”表列出的批准项目中");
    const en = captureIo(dir);
    await main(["check", input, "--lang", "en"], en);
    expect(en.out()).toContain("3 errors, 2 warnings, 0 info");
    expect(en.out()).toContain("is not among the approved items");
  });

  it("exits 0 on a clean workbook", async () => {
    const clean = join(dir, "clean.xlsx");
    await generateFeeWorkbook({ seed: 3, charges: 40, defects: false }).workbook.xlsx.writeFile(clean);
    const io = captureIo(dir);
    expect(await main(["check", clean, "--json"], io)).toBe(0);
    expect(JSON.parse(io.out()).findings).toEqual([]);
  });

  it("never writes over its input, however the output is named", async () => {
    const before = await readFile(input);
    const symlinked = join(dir, "link.xlsx");
    const hardLinked = join(dir, "hard.xlsx");
    await symlink(input, symlinked);
    await link(input, hardLinked);
    for (const [command, out] of [
      ["check", input],
      ["check", symlinked],
      ["check", hardLinked],
      ["clear", symlinked],
      ["clear", hardLinked],
    ] as const) {
      const io = captureIo(dir);
      expect(await main([command, input, "--out", out], io), `${command} --out ${out}`).toBe(2);
      expect(io.err()).toMatch(/^houqin: .*--out/);
    }
    expect(await readFile(input)).toEqual(before);
  });

  it("gives a one-line reason when the output cannot be written or --as-of is not a date", async () => {
    const io = captureIo(dir);
    expect(await main(["check", input, "--out", join(dir, "no-such-folder", "out.xlsx")], io)).toBe(2);
    expect(io.err().trim().split("\n")).toHaveLength(1);
    expect(io.err()).toContain("目录不存在");
    const bad = captureIo(dir);
    expect(await main(["check", input, "--as-of", "2023-02-30"], bad)).toBe(2);
    expect(bad.err()).toContain("2023-02-30");
  });
});

describe("houqin (the built command)", () => {
  async function exec(args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it("exits 2 with a one-line reason for a missing file, a text file and an encrypted workbook; a damaged sheet is a finding", async () => {
    const dir = await mkdtemp(join(tmpdir(), "houqin-bad-"));
    const text = join(dir, "notes.xlsx");
    await writeFile(text, "这不是工作簿\n");
    const encrypted = join(dir, "locked.xlsx");
    const header = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    Buffer.from("EncryptedPackage", "utf16le").copy(header, 600);
    await writeFile(encrypted, header);
    // A workbook whose sheet is damaged inside a sound zip: found when the sheet is read.
    const damaged = join(dir, "damaged.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("收费明细").addRows(Array.from({ length: 200 }, (_, i) => [`项目${i}`, i * 10]));
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const name = bytes.indexOf("xl/worksheets/sheet1.xml");
    const start = name + "xl/worksheets/sheet1.xml".length + bytes.readUInt16LE(name - 2);
    bytes.fill(0xff, start + 40, start + 80);
    await writeFile(damaged, bytes);
    for (const [file, reason] of [
      [join(dir, "missing.xlsx"), "找不到这个文件"],
      [text, "不是 Excel 工作簿"],
      [encrypted, "密码"],
    ] as const) {
      const r = await exec(["check", file]);
      expect(r.code, file).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(reason);
    }
    const r = await exec(["check", damaged, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toMatchObject([
      {
        rule: "workbook/unreadable-sheet",
        sheet: "收费明细",
        message: expect.stringContaining("工作簿已损坏"),
      },
    ]);
  });

  it("prints help for every command and exits 2 on a bad option", async () => {
    for (const args of [["--help"], ["check", "--help"], ["demo", "--help"], ["clear", "--help"]]) {
      const r = await exec(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: houqin/);
    }
    expect((await exec(["check"])).code).toBe(2);
    expect((await exec(["check", "x.xlsx", "--lang", "fr"])).code).toBe(2);
  });

  it("runs the demo: sample workbooks, their annotated copies and a summary", async () => {
    const dir = await mkdtemp(join(tmpdir(), "houqin-demo-"));
    const r = await exec(["demo", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("收费管理.xlsx");
    expect(r.stdout).toContain("发现 3 个错误、2 个警告");
    const annotated = await load(join(dir, "收费管理（检查结果）.xlsx"));
    expect(annotated.getWorksheet("检查结果")).toBeDefined();
    expect((await readFile(join(dir, "收费管理.xlsx"))).length).toBeGreaterThan(1000);
    expect(r.stdout).toContain("安全管理.xlsx");
    expect(
      (await load(join(dir, "安全管理（检查结果）.xlsx"))).getWorksheet("安全工作完成情况"),
    ).toBeDefined();
    expect((await load(join(dir, "安全工作日程.xlsx"))).getWorksheet("1530轮值表")).toBeDefined();
    expect((await readFile(join(dir, "安全工作日程.ics"), "utf8")).startsWith("BEGIN:VCALENDAR")).toBe(true);
  });
});
