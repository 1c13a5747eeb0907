import { realpath, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { type Lang, localize } from "@houqin/core";
import {
  type CheckReport,
  MemoryWorkbook,
  runChecks,
  type Workbook,
  type WriteResultsSummary,
  writeResults,
} from "@houqin/workbook";
import { openXlsx, WorkbookOpenError, type XlsxWorkbook } from "@houqin/workbook/xlsx";
import { MODULES } from "./modules.js";
import type { Progress } from "./progress.js";

/** A problem the user must fix before anything can run: exit code 2 with a one-line reason. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Options of {@link checkFile}. */
export interface CheckFileOptions {
  lang: Lang;
  today: string;
  asOf?: string;
  /** Write the annotated copy here. */
  out?: string;
  cwd: string;
  progress?: Progress;
}

/**
 * Whether two paths name the same file: the same path after links are followed, or the same
 * device and inode (a hard link).
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  if ((await real(a)) === (await real(b))) return true;
  const [sa, sb] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * Opens an .xlsx file, turning a file that cannot be read (missing, not a workbook, encrypted, an old
 * .xls) into a one-line reason for the user.
 *
 * @param path - the resolved path; `shown` is how the user wrote it
 */
export async function openWorkbook(path: string, shown: string, lang: Lang): Promise<XlsxWorkbook> {
  try {
    return await openXlsx(path);
  } catch (error) {
    if (error instanceof WorkbookOpenError) throw new UsageError(`${shown}: ${localize(error.reason, lang)}`);
    throw error;
  }
}

/**
 * The settings workbook a generator reads (its 设置 sheet, classes, plan), or an empty workbook
 * when none is given: defaults then apply.
 */
export async function openSettings(settings: string | undefined, cwd: string, lang: Lang): Promise<Workbook> {
  if (settings === undefined) return new MemoryWorkbook({ sheets: [] });
  return openWorkbook(resolve(cwd, settings), settings, lang);
}

/** Saves a workbook, turning a file-system failure into a one-line reason for the user. */
export async function saveWorkbook(
  workbook: XlsxWorkbook,
  out: string,
  shown: string,
  lang: Lang,
): Promise<void> {
  try {
    await workbook.saveAs(out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? localize({ "zh-CN": "目录不存在", en: "the folder does not exist" }, lang)
        : code === "EACCES" || code === "EPERM"
          ? localize({ "zh-CN": "没有写入权限", en: "permission denied" }, lang)
          : code === "EBUSY"
            ? localize(
                {
                  "zh-CN": "文件正被其他程序（如 Excel）打开",
                  en: "the file is open in another program (Excel?)",
                },
                lang,
              )
            : (error as Error).message;
    throw new UsageError(
      localize({ "zh-CN": "无法写入 {file}：{reason}", en: "Cannot write {file}: {reason}" }, lang, {
        file: shown,
        reason,
      }),
    );
  }
}

/**
 * Opens a workbook, runs every check, and writes the annotated copy when asked. Never writes over
 * the input.
 *
 * @throws UsageError for a file that cannot be read or an output that would overwrite the input
 */
export async function checkFile(
  file: string,
  options: CheckFileOptions,
): Promise<{ report: CheckReport; written?: WriteResultsSummary }> {
  const input = resolve(options.cwd, file);
  const out = options.out === undefined ? undefined : resolve(options.cwd, options.out);
  const t = (zh: string, en: string, params: Record<string, unknown> = {}) =>
    localize({ "zh-CN": zh, en }, options.lang, params);
  if (out !== undefined && (await sameFile(input, out)))
    throw new UsageError(
      t(
        "--out 不能与输入文件相同：houqin 不会覆盖原文件",
        "--out must differ from the input: houqin never overwrites it",
      ),
    );

  options.progress?.update(t("正在打开 {file}…", "Opening {file}…", { file }));
  const workbook = await openWorkbook(input, file, options.lang);
  // A part found damaged only when it is read (a sheet, its notes) is told like a file that cannot be opened.
  const damaged = (error: unknown) =>
    error instanceof WorkbookOpenError
      ? new UsageError(`${file}: ${localize(error.reason, options.lang)}`)
      : error;
  const report = await runChecks(workbook, {
    modules: MODULES,
    lang: options.lang,
    today: options.today,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    onProgress: (p) =>
      options.progress?.update(
        p.phase === "read"
          ? t("正在读取工作表 {done}/{total} {label}", "Reading sheet {done}/{total} {label}", {
              ...p,
              done: p.done + 1,
            })
          : t("正在检查 {done}/{total} {label}", "Checking {done}/{total} {label}", {
              ...p,
              done: p.done + 1,
            }),
      ),
  }).catch((error: unknown) => {
    throw damaged(error);
  });
  if (out === undefined) return { report };
  options.progress?.update(t("正在写入 {file}…", "Writing {file}…", { file: options.out }));
  const written = await writeResults(workbook, report.findings, {
    lang: options.lang,
    reports: report.reports,
  }).catch((error: unknown) => {
    throw damaged(error);
  });
  await saveWorkbook(workbook, out, options.out ?? out, options.lang);
  return { report, written };
}
