/**
 * Scenario 5: safety for a school year (2025-09-01..2026-07-10, two semesters), at 20, 60 and 200 classes.
 * Two measurements, each with its own target (under 50 ms), and a third for information:
 * - (a) the schedule: `scheduleFor(ctx, from, to)` from @houqin/safety (its dist), what `houqin schedule`
 *   runs once the settings workbook is read: the plan in force, the class list, and generateSchedule
 *   (every duty's dated tasks and the 1530 rotation over the classes). The ctx comes from readWorkbook on
 *   a MemoryWorkbook with 设置 and 班级名单, read before the clock starts.
 * - (b) the check of a year's inspection log: the safety module's checks (`safety.checks`, i.e.
 *   safetyCheck.run) on a parsed workbook with the settings, the class list and a year's 安全检查记录
 *   (bench/generate/safety.mjs), read with readWorkbook before the clock starts. The whole `runChecks`
 *   on the in-memory workbook (read, recognise, parse and check) is timed too and reported beside it.
 * - (b+) the same on a workbook with all four safety logs (inspection, guard, education per class,
 *   drills): for information, since the education log grows with the classes.
 * `ours` is (a); every part is in `extra.parts` and in the notes; `met` needs (a) and (b).
 */

import { safety, scheduleFor } from "@houqin/safety";
import { MemoryWorkbook, readWorkbook, runChecks } from "@houqin/workbook";
import { classNames, SCHOOL_YEAR, safetyYear, settingsSheets } from "../generate/safety.mjs";
import { peakRssMb, perSecond, timeRuns } from "../lib/timing.mjs";

const TARGET_MS = 50;
const TODAY = "2026-07-10";

export const scenario = {
  id: "safety",
  title:
    "Safety: (a) a school year's schedule for N classes (scheduleFor); (b) the check of a year's inspection log",
  sizes: [20, 60, 200],
  sizeUnit: "classes",
  target: `under ${TARGET_MS} ms each: (a) the schedule, (b) the inspection log check`,
  /**
   * @param {{ size: number, seed: number, runs: number }} options
   */
  async run({ size, seed, runs }) {
    const options = { modules: [safety], today: TODAY };
    const checks = options.modules.flatMap((m) => [...m.checks]);

    // (a) The schedule from the settings.
    const settings = await readWorkbook(
      new MemoryWorkbook({ sheets: settingsSheets(classNames(size)) }),
      options,
    );
    const schedule = await timeRuns(() => scheduleFor(settings.ctx, SCHOOL_YEAR.from, SCHOOL_YEAR.to), runs);
    const { tasks, roster1530 } = schedule.last;
    const scheduleRows = tasks.length + roster1530.length;

    // (b) The check of a year's inspection log; then of all four logs. The check phase on the parsed
    // workbook, and the whole runChecks on the in-memory workbook.
    const year = safetyYear(size, seed);
    const checkOf = async (spec) => {
      const workbook = new MemoryWorkbook({ sheets: spec.sheets });
      const read = await readWorkbook(workbook, options);
      const check = await timeRuns(() => checks.flatMap((c) => c.run(read.ctx)), runs);
      const whole = await timeRuns(() => runChecks(workbook, options), runs);
      const findings = {};
      for (const f of whole.last.findings) findings[f.rule] = (findings[f.rule] ?? 0) + 1;
      return { rows: spec.rows, check, whole, findings };
    };
    const inspection = await checkOf(year.inspection);
    const all = await checkOf(year.all);

    const under = (ms) => ms < TARGET_MS;
    const behind = (ms) => (under(ms) ? "" : ` — BEHIND the ${TARGET_MS} ms target`);
    const n = (x) => x.toLocaleString("en-US");
    const notes = [
      `(a) schedule: ${schedule.medianMs.toFixed(2)} ms median, ${n(tasks.length)} tasks and ${roster1530.length} 1530 turns over ${size} classes${behind(schedule.medianMs)}`,
      `(b) inspection log check: ${inspection.check.medianMs.toFixed(2)} ms median (check phase, ${n(inspection.rows)} rows, ${year.schoolDays} school days)${behind(inspection.check.medianMs)}; whole runChecks in memory ${inspection.whole.medianMs.toFixed(1)} ms`,
      `(b+) all four logs (inspection ${n(year.logRows.inspection)}, guard ${n(year.logRows.guard)}, education ${n(year.logRows.education)}, drills ${year.logRows.drills} rows): check phase ${all.check.medianMs.toFixed(2)} ms${under(all.check.medianMs) ? "" : ` — over ${TARGET_MS} ms (for information: the issue's target is the inspection log)`}; whole runChecks in memory ${all.whole.medianMs.toFixed(1)} ms`,
    ];
    const part = (label, rows, timing, target, met) => ({
      label,
      rows,
      medianMs: timing.medianMs,
      bestMs: timing.bestMs,
      cpuMedianMs: timing.cpuMedianMs,
      rowsPerSecond: perSecond(rows, timing.medianMs),
      target,
      ...(met === undefined ? {} : { met }),
    });
    const limit = `< ${TARGET_MS} ms`;
    return {
      size,
      rows: scheduleRows,
      ours: {
        medianMs: schedule.medianMs,
        bestMs: schedule.bestMs,
        cpuMedianMs: schedule.cpuMedianMs,
        peakRssMb: peakRssMb(),
        timesMs: schedule.timesMs,
      },
      baseline: { name: "none", skipped: "no external baseline (a school draws the schedule by hand)" },
      rowsPerSecond: perSecond(scheduleRows, schedule.medianMs),
      met: under(schedule.medianMs) && under(inspection.check.medianMs),
      notes,
      extra: {
        parts: [
          part("(a) schedule", scheduleRows, schedule, limit, under(schedule.medianMs)),
          part(
            "(b) inspection log: check",
            inspection.rows,
            inspection.check,
            limit,
            under(inspection.check.medianMs),
          ),
          part("(b) inspection log: runChecks", inspection.rows, inspection.whole, "(information)"),
          part("(b+) all logs: check", all.rows, all.check, `${limit} (information)`),
          part("(b+) all logs: runChecks", all.rows, all.whole, "(information)"),
        ],
        schedule: { tasks: tasks.length, roster1530: roster1530.length },
        schoolDays: year.schoolDays,
        logRows: year.logRows,
        findings: { inspection: inspection.findings, all: all.findings },
      },
    };
  },
};
