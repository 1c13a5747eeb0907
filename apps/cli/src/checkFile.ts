import { realpath } from "node:fs/promises";
import { resolve } from "node:path";
import { type Lang, localize } from "@houqin/core";
import { type CheckReport, runChecks, type WriteResultsSummary, writeResults } from "@houqin/workbook";
import { openXlsx, WorkbookOpenError } from "@houqin/workbook/xlsx";
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

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
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
  if (out !== undefined && (await samePath(input, out)))
    throw new UsageError(
      t(
        "--out 不能与输入文件相同：houqin 不会覆盖原文件",
        "--out must differ from the input: houqin never overwrites it",
      ),
    );

  options.progress?.update(t("正在打开 {file}…", "Opening {file}…", { file }));
  let workbook: Awaited<ReturnType<typeof openXlsx>>;
  try {
    workbook = await openXlsx(input);
  } catch (error) {
    if (error instanceof WorkbookOpenError)
      throw new UsageError(`${file}: ${localize(error.reason, options.lang)}`);
    throw error;
  }
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
  });
  if (out === undefined) return { report };
  options.progress?.update(t("正在写入 {file}…", "Writing {file}…", { file: options.out }));
  const written = await writeResults(workbook, report.findings, { lang: options.lang });
  await workbook.saveAs(out);
  return { report, written };
}
