import { addDaysIso, type CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, type OutCell, readWorkbook } from "@houqin/workbook";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventGroupOf } from "../assignCoaches.js";
import { athletes, coaches, meet } from "../kinds.js";
import { RosterError, rosterFor, type TrackRoster } from "../roster.js";
import { rosterSheets } from "../rosterSheets.js";
import { groupsOfAthlete, type TeamAthlete } from "../team.js";

const sports: HouqinModule = {
  id: "sports",
  title: { "zh-CN": "体育", en: "Sports" },
  kinds: [athletes, coaches, meet],
  checks: [],
};

const SEMESTER: CellValue[][] = [
  ["第一学期开始", "2023-09-01"],
  ["第一学期结束", "2024-01-19"],
];

/** The 12 events of the meet; 4×100m is the relay. */
const EVENTS = [
  "50米",
  "100米",
  "200米",
  "400米",
  "800米",
  "1000米",
  "跳远",
  "跳高",
  "立定跳远",
  "铅球",
  "垒球",
  "4×100米",
];

const COACHES: CellValue[][] = [
  ["姓名", "执教项目", "可带训日", "最多带训人数"],
  ["王老师", "短跑、接力", "周一至周五", 14],
  ["李老师", "50米、100米、200米、4×100米", null, 14],
  ["张老师", "中长跑", "周一至周五", 12],
  ["刘老师", "400米、800米、1000米、跳远", "周一、三、五", 12],
  ["陈老师", "跳跃", null, 12],
  ["杨老师", "跳远、跳高、立定跳远", "周一至周五", 12],
  ["赵老师", "投掷", null, 12],
  ["黄老师", "铅球、垒球、4×100米", "周一至周五", 12],
];

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = ["子涵", "浩然", "雨桐", "梓轩", "欣怡", "宇航"];

/** 60 athletes, deterministic: one or two individual events (never two over the limit), some relays. */
function athleteRows(count = 60): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < count; i++) {
    const events = [EVENTS[i % 11] as string];
    if (i % 3 === 0) events.push(EVENTS[(i + 4) % 11] as string);
    if (i % 5 === 0) events.push("4×100米");
    const grade = ["三", "四", "五", "六"][i % 4] as string;
    rows.push([
      `S${String(i + 1).padStart(3, "0")}`,
      `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}${i >= 20 ? i : ""}`,
      `${grade}(${(i % 3) + 1})班`,
      i % 2 === 0 ? "男" : "女",
      // The first row is typed with full-width digits.
      i === 0 ? "５０米、８００米 ４ｘ１００米" : events.join("、"),
      i % 4 === 0 ? "12.8秒" : null,
    ]);
  }
  return rows;
}

function team(options: {
  settings?: CellValue[][];
  athletes?: CellValue[][];
  coaches?: CellValue[][];
  programme?: CellValue[][];
}) {
  return new MemoryWorkbook({
    sheets: [
      { name: "设置", rows: options.settings ?? SEMESTER },
      {
        name: "运动员",
        rows: [
          ["2023年秋季田径队运动员名单"],
          [],
          ["学号", "姓名", "班级", "性别", "参赛项目", "最好成绩"],
          ...(options.athletes ?? athleteRows()),
        ],
      },
      { name: "教练", rows: options.coaches ?? COACHES },
      {
        name: "比赛项目",
        rows: options.programme ?? [
          ["比赛项目", "比赛日期", "每人限报项数"],
          ...EVENTS.map((e, i) => [e, "2023-09-28", i === 0 ? 2 : null]),
        ],
      },
    ],
  });
}

async function rosterOf(wb: MemoryWorkbook, options: { meet?: string; start?: string } = {}) {
  const { ctx, findings } = await readWorkbook(wb, { modules: [sports], today: "2023-08-25" });
  return { roster: rosterFor(ctx, options), findings };
}

/** Whether a coach (as the roster read them) can take an athlete-group: covers each of its events. */
function eligible(coachEvents: readonly string[], events: readonly string[]): boolean {
  return events.every((e) => coachEvents.includes(e) || coachEvents.includes(eventGroupOf(e)));
}

function text(cell: OutCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return "text" in cell ? cell.text : String(cell.value);
  return String(cell);
}

function checkSheets(roster: TrackRoster, lang: "zh-CN" | "en" = "zh-CN") {
  const sheets = rosterSheets(roster, lang);
  const names = sheets.map((s) => s.name);
  // Valid and unique as Excel sees them.
  for (const n of names) {
    expect(n.length).toBeGreaterThan(0);
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n).not.toMatch(/[[\]:*?/\\]/);
    expect(n).not.toMatch(/^'|'$/);
  }
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  return sheets;
}

describe("rosterFor", () => {
  it("gives every athlete-group of a 60-athlete team one coach, within each coach's limit, balanced", async () => {
    const { roster } = await rosterOf(team({}), { meet: "2023-09-28" });
    expect(roster.athletes).toHaveLength(60);
    expect(roster.coaches).toHaveLength(8);
    expect(roster.uncovered).toEqual([]);
    // Every athlete-group exactly once.
    const keys = roster.assignments.map((a) => `${a.athlete.id}|${a.group}`);
    expect(new Set(keys).size).toBe(keys.length);
    const expected = roster.athletes.flatMap((a) => groupsOfAthlete(a, {}).map((g) => `${a.id}|${g}`));
    expect([...keys].sort()).toEqual([...expected].sort());
    expect(roster.athleteGroups).toBe(expected.length);
    // Limits, and no single move from a coach to an eligible coach with room would even the load.
    const load = new Map(roster.coachRosters.map((r) => [r.coach.id, r.load]));
    for (const r of roster.coachRosters) expect(r.load).toBeLessThanOrEqual(r.coach.maxAthletes);
    expect([...load.values()].reduce((a, b) => a + b, 0)).toBe(roster.assignments.length);
    for (const a of roster.assignments) {
      for (const other of roster.coaches) {
        if (other === a.coach || !eligible(other.events, a.events)) continue;
        const otherLoad = load.get(other.id) ?? 0;
        if (otherLoad >= other.maxAthletes) continue;
        expect((load.get(a.coach.id) ?? 0) - otherLoad).toBeLessThanOrEqual(1);
      }
    }
    // The coach's own view lists exactly their athletes.
    for (const r of roster.coachRosters) expect(r.assignments.every((a) => a.coach === r.coach)).toBe(true);
    // Full-width digits and the title row above the header are read.
    expect(roster.athletes[0]?.events).toEqual(["50m", "800m", "4×100m"]);
    expect(roster.entries.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("balances to within one when every coach can take every athlete", async () => {
    const same: CellValue[][] = [
      ["姓名", "执教项目"],
      ...["甲", "乙", "丙", "丁", "戊"].map((n) => [`${n}老师`, "短跑、中长跑、跳跃、投掷、接力"]),
    ];
    const { roster } = await rosterOf(team({ coaches: same }), { meet: "2023-09-28" });
    const loads = roster.coachRosters.map((r) => r.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it("trains on school days before the meet only, with a two-week taper at half volume", async () => {
    const { roster } = await rosterOf(team({}), { meet: "2023-09-28", start: "2023-08-28" });
    const { plan } = roster;
    expect(roster.start).toBe("2023-08-28");
    for (const s of roster.sessions) {
      expect(s.date < "2023-09-28").toBe(true);
      expect(s.date >= "2023-09-01").toBe(true); // the semester starts on 1 September
      expect([6, 7]).not.toContain(s.weekday);
    }
    const taper = plan.phases.at(-1);
    expect(taper?.id).toBe("taper");
    expect(taper?.start).toBe("2023-09-14");
    expect(taper?.end).toBe("2023-09-27");
    const peak = Math.max(...plan.phases.map((p) => p.volumePercent));
    const ratio = (taper?.volumePercent ?? 0) / peak;
    expect(ratio).toBeGreaterThanOrEqual(0.4);
    expect(ratio).toBeLessThanOrEqual(0.6);
    expect(taper?.intensity).toBe("high");
    // Same slot, half the minutes in the taper.
    const mon = (date: string) =>
      roster.sessions.find((s) => s.date === date && s.group === "短跑")?.minutes ?? 0;
    expect(mon("2023-09-11")).toBe(60);
    expect(mon("2023-09-18")).toBe(30);
    // Every day of the roster is a plan day with the plan's sessions.
    expect(roster.days.flatMap((d) => d.sessions)).toEqual(roster.sessions);
    expect(roster.sessions.map(({ date, slot, group }) => ({ date, slot, group }))).toEqual(
      plan.sessions.map(({ date, slot, group }) => ({ date, slot, group })),
    );
  });

  it("never plans a session on a non-school day or on or after the meet (property)", async () => {
    const { ctx } = await readWorkbook(team({ athletes: athleteRows(12) }), {
      modules: [sports],
      today: "2023-08-25",
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 200 }), (lead, offset) => {
        const meetDay = addDaysIso("2023-09-10", offset);
        const start = addDaysIso(meetDay, -lead);
        const roster = rosterFor(ctx, { meet: meetDay, start });
        for (const s of roster.sessions) {
          expect(ctx.calendar.isSchoolDay(s.date)).toBe(true);
          expect(s.date < meetDay && s.date >= start).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("writes day sheets that hold exactly the plan's sessions, and valid unique sheet names", async () => {
    const { roster } = await rosterOf(team({}), { meet: "2023-09-28" });
    const sheets = checkSheets(roster);
    const names = sheets.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(["总览", "训练计划（按周）"]);
    expect(names).toContain("教练 王老师");
    expect(names).toContain("报名检查");
    expect(names).toContain("9月4日 周一");
    expect(names).not.toContain("9月2日 周六");
    const daySheets = sheets.slice(names.indexOf("报名检查") + 1);
    expect(daySheets).toHaveLength(roster.days.length);
    roster.days.forEach((day, i) => {
      const sheet = daySheets[i];
      const fromSheet = new Set(sheet?.rows.slice(2).map((r) => `${text(r[0])}|${text(r[1])}`));
      const fromPlan = new Set(
        roster.plan.sessions.filter((s) => s.date === day.date).map((s) => `${s.slot}|${s.group}`),
      );
      expect(fromSheet).toEqual(fromPlan);
      // The sheet lists the sprinters of the day's first slot.
      const slot = day.sessions[0]?.slot;
      const listed = sheet?.rows
        .slice(2)
        .filter((r) => text(r[0]) === slot && text(r[1]) === "短跑")
        .reduce((n, r) => n + Number(text(r[5])), 0);
      const sprint = day.sessions.find((s) => s.slot === slot && s.group === "短跑");
      expect(listed).toBe(sprint?.coaches.reduce((n, c) => n + c.athletes.length, 0));
      // In every slot each athlete trains, and in one place only: several groups take turns.
      for (const at of new Set(day.sessions.map((s) => s.slot))) {
        const here = day.sessions
          .filter((s) => s.slot === at)
          .flatMap((s) => [...s.coaches.flatMap((c) => c.athletes), ...s.unassigned]);
        expect(new Set(here).size).toBe(here.length);
        expect(new Set(here).size).toBe(roster.athletes.length);
      }
    });
    // An athlete in two groups trains in each of them.
    const multi = roster.athletes.find((a) => groupsOfAthlete(a, {}).length > 1);
    expect(multi).toBeDefined();
    for (const group of groupsOfAthlete(multi as TeamAthlete, {}))
      expect(
        roster.days.some((d) =>
          d.sessions.some(
            (s) => s.group === group && s.coaches.some((c) => c.athletes.includes(multi as TeamAthlete)),
          ),
        ),
      ).toBe(true);
    // The coach sheet lists the coach's athletes.
    const wang = sheets.find((s) => s.name === "教练 王老师");
    const mine = roster.coachRosters.find((r) => r.coach.name === "王老师");
    const listed = wang?.rows.map((r) => text(r[0])) ?? [];
    for (const a of mine?.assignments ?? []) expect(listed).toContain(a.athlete.name);
    // The entry check says there is nothing wrong.
    const entries = sheets.find((s) => s.name === "报名检查");
    expect(text(entries?.rows[1]?.[0])).toBe("无问题");
  });

  it("names the sheets in English, still valid and unique", async () => {
    const { roster } = await rosterOf(team({}), { meet: "2023-09-28" });
    const names = checkSheets(roster, "en").map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(["Overview", "Plan by week"]);
    expect(names).toContain("Coach 王老师");
    expect(names).toContain("Mon 4 Sep");
    expect(names).toContain("Entry check");
  });

  it("keeps a session on a day the coach cannot train, flagged as needing cover", async () => {
    const { roster } = await rosterOf(team({}), { meet: "2023-09-28" });
    const liu = roster.coachRosters.find((r) => r.coach.name === "刘老师");
    expect(liu?.coach.days).toEqual([1, 3, 5]);
    expect(liu?.load).toBeGreaterThan(0);
    const tuesday = liu?.sessions.find((s) => s.session.date === "2023-09-05");
    const monday = liu?.sessions.find((s) => s.session.date === "2023-09-04");
    expect(tuesday?.coverNeeded).toBe(true);
    expect(monday?.coverNeeded).toBe(false);
    expect(tuesday?.session.coverNeeded).toBe(true);
    expect(liu?.coverNeeded).toBe(liu?.sessions.filter((s) => [2, 4].includes(s.session.weekday)).length);
    expect(roster.coverNeeded).toBe(roster.sessions.filter((s) => s.coverNeeded).length);
    expect(roster.warnings.map((w) => w["zh-CN"]).find((w) => w.startsWith("刘老师只能"))).toMatch(
      /^刘老师只能周一、周三、周五带训，2023-09-05、2023-09-07.* 等 \d+ 天共 \d+ 次训练课需安排代训$/,
    );
    const sheet = rosterSheets(roster, "zh-CN").find((s) => s.name === "9月5日 周二");
    const row = sheet?.rows.find((r) => text(r[3]) === "刘老师");
    expect(text(row?.[8])).toContain("需安排代训：刘老师只能周一、周三、周五带训");
  });

  it("lists an athlete whose event no coach takes, with the reason, in the day sheets too", async () => {
    const rows = athleteRows(10);
    rows.push(["S099", "孙跨栏", "五(2)班", "男", "60米跨栏", null]);
    const { roster } = await rosterOf(team({ athletes: rows }), { meet: "2023-09-28" });
    expect(roster.uncovered.map((u) => [u.athlete.name, u.group, u.reason])).toEqual([
      ["孙跨栏", "60m跨栏", "no-coach-for-event"],
    ]);
    expect(roster.uncovered[0]?.message["zh-CN"]).toContain("没有教练报带60m跨栏");
    expect(roster.venues["60m跨栏"]).toEqual({ "zh-CN": "田径场", en: "athletics field" });
    const day = rosterSheets(roster, "zh-CN").find((s) => s.name === "9月4日 周一");
    const row = day?.rows.find((r) => text(r[1]) === "60m跨栏");
    expect(row?.slice(2, 5).map(text)).toEqual(["田径场", "（未安排教练）", "孙跨栏（五(2)班）"]);
  });

  it("takes the meet day from the programme and the start from the semester", async () => {
    const { roster } = await rosterOf(team({}));
    expect([roster.meet, roster.meetSource]).toEqual(["2023-09-28", "programme"]);
    expect([roster.start, roster.startSource]).toEqual(["2023-09-01", "semester"]);
  });

  it("takes the meet day and the start from the settings, as text or as an Excel serial", async () => {
    const { roster } = await rosterOf(
      team({
        settings: [
          ...SEMESTER,
          ["运动会日期", "2023年9月27日"],
          ["训练开始日期", { value: 45166, text: "2023/8/28", format: "yyyy/m/d" } as never],
        ],
      }),
    );
    expect([roster.meet, roster.meetSource]).toEqual(["2023-09-27", "setting"]);
    expect([roster.start, roster.startSource]).toEqual(["2023-08-28", "setting"]);
  });

  it("starts on 1 September without semester dates, and four weeks early for a meet on that day", async () => {
    const autumn = await rosterOf(team({ settings: [] }), { meet: "2023-10-26" });
    expect([autumn.roster.start, autumn.roster.startSource]).toEqual(["2023-09-01", "semester"]);
    const first = await rosterOf(team({ settings: [] }), { meet: "2023-09-01" });
    expect([first.roster.start, first.roster.startSource]).toEqual(["2023-08-04", "default"]);
  });

  it("throws a RosterError without any meet day, and for a start not before the meet", async () => {
    const wb = team({ programme: [["说明"], ["比赛日期待定"]] });
    const { ctx } = await readWorkbook(wb, { modules: [sports], today: "2023-08-25" });
    let error: unknown;
    try {
      rosterFor(ctx, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RosterError);
    expect((error as RosterError).code).toBe("INVALID_ARGUMENT");
    expect((error as RosterError).reason).toBe("no-meet-date");
    expect((error as RosterError).text["zh-CN"]).toContain("运动会日期");
    expect(() => rosterFor(ctx, { meet: "2023-09-28", start: "2023-09-28" })).toThrow(
      expect.objectContaining({ reason: "start-not-before-meet" }),
    );
  });

  it("reads venues and slots from the settings", async () => {
    const { roster } = await rosterOf(
      team({
        settings: [
          ...SEMESTER,
          ["训练场地", "短跑=100米直道；铅球＝南侧投掷区"],
          ["训练时段", "周一、周三 课后训练 45分钟；周五 周五社团 90分钟"],
        ],
      }),
      { meet: "2023-09-28" },
    );
    expect(roster.venues.短跑).toEqual({ "zh-CN": "100米直道", en: "100米直道" });
    expect(roster.venues.投掷?.["zh-CN"]).toBe("南侧投掷区");
    expect(roster.venues.跳跃?.["zh-CN"]).toBe("沙坑");
    expect(new Set(roster.sessions.map((s) => s.weekday))).toEqual(new Set([1, 3, 5]));
    expect(roster.sessions.find((s) => s.date === "2023-09-04")?.slot).toBe("课后训练");
    expect(roster.sessions.find((s) => s.date === "2023-09-08")?.minutes).toBe(90);
  });

  it("falls back to the default slots, with a warning, when 训练时段 cannot be read", async () => {
    const { roster } = await rosterOf(team({ settings: [...SEMESTER, ["训练时段", "放学后"]] }), {
      meet: "2023-09-28",
    });
    expect(roster.warnings.some((w) => w["zh-CN"].includes("“放学后”读不懂"))).toBe(true);
    expect(roster.sessions.some((s) => s.slot === "周三社团")).toBe(true);
  });

  it("survives a #REF! in the events column and blank rows in the team", async () => {
    const rows = athleteRows(6);
    rows.splice(2, 0, []);
    rows.push([
      "S100",
      "周错误",
      "四(1)班",
      "女",
      { value: { error: "#REF!" }, text: "#REF!" } as never,
      null,
    ]);
    const { roster, findings } = await rosterOf(team({ athletes: rows }), { meet: "2023-09-28" });
    expect(roster.athletes.map((a) => a.name)).not.toContain("周错误");
    expect(roster.athletes).toHaveLength(6);
    expect(findings.some((f) => f.sheet === "运动员")).toBe(true);
  });
});
