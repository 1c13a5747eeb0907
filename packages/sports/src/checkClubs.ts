import { type Bilingual, type Finding, localize } from "@houqin/core";
import {
  type Check,
  type CheckContext,
  cellOf,
  cells,
  type RecognizedTable,
  type Report,
} from "@houqin/workbook";
import { allocateClubs, type ClubOffer, type ClubSignup } from "./allocateClubs.js";
import { byClassThenName } from "./checkCoaching.js";
import { clubs, type Gender, signups } from "./kinds.js";

const CLAUSE = "三(五)2";

/** The slot of a club whose 活动时间 is blank: the plan's Wednesday club slot. */
export const DEFAULT_CLUB_SLOT = "周三社团";

const MSG = {
  capacityMissing: {
    "zh-CN": "社团“{club}”没有填限报人数，暂按 0 个名额安排（不录取任何人），请补填",
    en: "Club {club} has no number of places; it is taken as 0 places (nobody placed) until one is entered",
  },
  capacityColumnMissing: {
    "zh-CN": "社团设置表没有“限报人数”一栏，不知道各社团的名额，未进行社团分配",
    en: "The clubs table has no places (限报人数) column, so the clubs could not be allocated",
  },
  duplicateClub: {
    "zh-CN": "社团“{club}”在社团设置表中重复出现（第一次在第 {first} 行），只按第一次的设置安排",
    en: "Club {club} is listed again (first on row {first}); only its first entry is used",
  },
  unknownClub: {
    "zh-CN": "{student}的{rank}“{choice}”不在社团名单中{hint}",
    en: "{student}'s {rankEn} “{choice}” is not a club on offer{hint}",
  },
  ambiguous: {
    "zh-CN": "，可能是{clubs}中的一个，请写社团全称",
    en: "; it could be any of {clubs}: write the club's full name",
  },
  repeated: {
    "zh-CN": "{student}的{rank}“{choice}”与{earlier}重复",
    en: "{student}'s {rankEn} “{choice}” repeats the {earlierEn}",
  },
  duplicateSame: {
    "zh-CN": "{student}重复报名（第一次在第 {first} 行），志愿相同，按一次计",
    en: "{student} signed up again (first on row {first}) with the same choices; counted once",
  },
  duplicateDifferent: {
    "zh-CN": "{student}重复报名（第一次在第 {first} 行）且志愿不一致，请核对后只保留一行",
    en: "{student} signed up again (first on row {first}) with different choices; keep only one row",
  },
  unplacedConflicting: {
    "zh-CN": "{student}交了 {count} 份志愿不一致的报名（第 {rows} 行），未能安排社团，请核对后只保留一行",
    en: "{student} handed in {count} signups with different choices (rows {rows}); not placed until only one is kept",
  },
  unplacedFull: {
    "zh-CN": "{student}填报的志愿（{clubs}）{why}，未能安排社团，请与学生商量调剂",
    en: "{student} could not be placed: the clubs chosen ({clubs}) {whyEn}; please agree another club with the student",
  },
  full: { "zh-CN": "都已报满", en: "are all full" },
  fullOrClash: { "zh-CN": "都已报满或活动时间冲突", en: "are all full or clash in time" },
  unplacedNone: {
    "zh-CN": "{student}填报的志愿都不在社团名单中，未能安排社团",
    en: "None of the clubs {student} chose is on offer; not placed",
  },
  unplacedClub: { "zh-CN": "（未安排）", en: "(not placed)" },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const RANK: readonly Bilingual[] = [
  tr("第一志愿", "first choice"),
  tr("第二志愿", "second choice"),
  tr("第三志愿", "third choice"),
];
const CHOICE_FIELDS = ["choice1", "choice2", "choice3"] as const;

/** A club or choice name as compared: NFKC, no spaces, lower case. */
function clubKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** Splits 活动时间 ("周三社团、周五课后") into slots; blank → the Wednesday club slot. */
function slotsOf(text: string | undefined): string[] {
  const slots = (text ?? "")
    .normalize("NFKC")
    .split(/[、,，;；/]+/)
    .map((s) => s.replace(/\s+/g, ""))
    .filter((s) => s !== "");
  return slots.length > 0 ? [...new Set(slots)] : [DEFAULT_CLUB_SLOT];
}

interface ClubRow {
  offer: ClubOffer;
  coach?: string;
  venue?: string;
}

interface SignupRow {
  id: string;
  name: string;
  className?: string;
  grade?: string;
  gender?: Gender;
  sheet: string;
  table: RecognizedTable;
  row: number;
  /** Club id per choice position; undefined for a blank or unknown choice. */
  choices: (string | undefined)[];
}

/** What a choice names: a club id, several possible clubs, or nothing. */
function matchChoice(choice: string, offers: readonly ClubOffer[]): { id?: string; candidates: string[] } {
  const key = clubKey(choice);
  if (key === "") return { candidates: [] };
  const exact = offers.find((o) => o.id === key);
  if (exact) return { id: exact.id, candidates: [] };
  const near = offers.filter((o) => o.id.includes(key) || key.includes(o.id));
  if (near.length === 1) return { id: (near[0] as ClubOffer).id, candidates: [] };
  return { candidates: near.map((o) => o.name) };
}

/**
 * Allocates the club signups to the clubs on offer (三(五)2: 田径, 篮球, 羽毛球, 啦啦操, 轮滑, 棒垒球,
 * 足球… in the Wednesday club slot and after school) with {@link allocateClubs}: a seeded lottery, first
 * choices served before second choices. A choice is matched to a club by its name (full-width and spaces
 * ignored), or to the one club whose name contains it or is contained in it ("篮球" ↔ "篮球社团").
 *
 * - `sports/club-capacity-missing` (warning), at the club's 限报人数 cell: no places given; the club is
 *   taken as 0 places (nobody placed), since unlimited places would be unfair to the other clubs. When no
 *   club has places (or the column is missing) the allocation is not run at all.
 * - `sports/duplicate-club` (warning), at the later club cell: a club listed twice; the first row counts.
 * - `sports/unknown-club` (error), at the choice cell: a choice that names no club (or several).
 * - `sports/repeated-choice` (warning), at the later choice cell: the same club chosen twice.
 * - `sports/duplicate-signup` (warning), at the later row's 学号 cell (its name cell without 学号): the
 *   same student (学号, else class and name) on two rows; with the same choices it counts once.
 * - `sports/student-unplaced` (warning), at the student's (first) name cell: no club could be given, and
 *   why: the chosen clubs are full, no choice names a club, or the student's rows disagree (then they are
 *   not placed until one row is kept, since picking one would depend on row order).
 *
 * It publishes "社团志愿录取情况" (how many got their first, second, third choice, how many were not
 * placed, and the draw's seed), "社团分配结果" (student, class, grade, club, choice, slot) and "社团名单" (per club, in the
 * order of the clubs table: coach, venue, slot, no., student, class, gender).
 *
 * Settings: 社团抽签种子 (the lottery seed; default the 学年 setting, else ""), 每人限报社团数 (clubs a
 * student may get, default 1).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkClubs(ctx); // and the reports sports.club-allocation, sports.club-rosters
 */
export function checkClubs(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const findings: Finding[] = [];
  const seed = ctx.setting<string>(
    ["社团抽签种子", "抽签种子", "club lottery seed", "lottery seed"],
    cells.text(),
    ctx.settings.schoolYear ?? "",
  );
  const maxClubs = ctx.setting<number>(
    ["每人限报社团数", "每人最多社团数", "clubs per student"],
    cells.integer(),
    1,
  );

  // The clubs on offer.
  const offers: ClubOffer[] = [];
  const clubRows = new Map<string, ClubRow & { row: number }>();
  let withPlaces = 0;
  for (const { table, rows } of ctx.tablesOf(clubs)) {
    const hasCapacity = (table.columns as Record<string, number | undefined>).capacity !== undefined;
    if (!hasCapacity && rows.length > 0)
      findings.push({
        rule: "sports/club-capacity-missing",
        severity: "warning",
        message: t(MSG.capacityColumnMissing),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(table, table.headerRow, "club"),
        row: table.headerRow,
      });
    for (const { row, values, unreadable } of rows) {
      const id = clubKey(values.club);
      const earlier = clubRows.get(id);
      if (earlier) {
        findings.push({
          rule: "sports/duplicate-club",
          severity: "warning",
          message: t(MSG.duplicateClub, { club: values.club, first: earlier.row }),
          clause: CLAUSE,
          sheet: table.sheet,
          cell: cellOf(table, row, "club"),
          row,
          data: { club: values.club, firstRow: earlier.row },
        });
        continue;
      }
      if (values.capacity !== undefined) withPlaces++;
      else if (hasCapacity && !unreadable?.includes("capacity"))
        findings.push({
          rule: "sports/club-capacity-missing",
          severity: "warning",
          message: t(MSG.capacityMissing, { club: values.club }),
          clause: CLAUSE,
          sheet: table.sheet,
          cell: cellOf(table, row, "capacity"),
          row,
          data: { club: values.club },
        });
      const offer: ClubOffer = {
        id,
        name: values.club,
        capacity: values.capacity ?? 0,
        slots: slotsOf(values.slots),
      };
      offers.push(offer);
      clubRows.set(id, {
        offer,
        row,
        ...(values.coach === undefined ? {} : { coach: values.coach }),
        ...(values.venue === undefined ? {} : { venue: values.venue }),
      });
    }
  }

  // The signups.
  const forms: SignupRow[] = [];
  const firstForm = new Map<string, SignupRow>();
  for (const { table, rows } of ctx.tablesOf(signups)) {
    for (const { row, values } of rows) {
      const id = values.id ? `#${values.id}` : `${values.className ?? ""}|${values.name}`;
      const form: SignupRow = {
        id,
        name: values.name,
        sheet: table.sheet,
        table,
        row,
        choices: [],
        ...(values.className === undefined ? {} : { className: values.className }),
        ...(values.grade === undefined ? {} : { grade: values.grade }),
        ...(values.gender === undefined ? {} : { gender: values.gender }),
      };
      const student = `${form.className ?? ""}${form.name}`;
      const seen: { clubId: string; rank: number }[] = [];
      CHOICE_FIELDS.forEach((key, i) => {
        const text = values[key];
        if (text === undefined || offers.length === 0) {
          form.choices.push(undefined);
          return;
        }
        const at = { sheet: table.sheet, cell: cellOf(table, row, key), row };
        const rank = RANK[i] as Bilingual;
        const match = matchChoice(text, offers);
        if (match.id === undefined) {
          form.choices.push(undefined);
          const hint =
            match.candidates.length > 1
              ? t(MSG.ambiguous, { clubs: match.candidates.join(t(tr("、", ", "))) })
              : "";
          findings.push({
            rule: "sports/unknown-club",
            severity: "error",
            message: t(MSG.unknownClub, {
              student,
              rank: rank["zh-CN"],
              rankEn: rank.en,
              choice: text,
              hint,
            }),
            clause: CLAUSE,
            ...at,
            data: { student: values.name, choice: text, rank: i + 1, candidates: match.candidates },
          });
          return;
        }
        const before = seen.find((s) => s.clubId === match.id);
        if (before) {
          const earlier = RANK[before.rank - 1] as Bilingual;
          findings.push({
            rule: "sports/repeated-choice",
            severity: "warning",
            message: t(MSG.repeated, {
              student,
              rank: rank["zh-CN"],
              rankEn: rank.en,
              choice: text,
              earlier: earlier["zh-CN"],
              earlierEn: earlier.en,
            }),
            clause: CLAUSE,
            ...at,
            data: { student: values.name, club: match.id, rank: i + 1, earlierRank: before.rank },
          });
        } else seen.push({ clubId: match.id, rank: i + 1 });
        form.choices.push(match.id);
      });
      forms.push(form);
      const first = firstForm.get(id);
      if (!first) {
        firstForm.set(id, form);
        continue;
      }
      const same = sameChoices(first.choices, form.choices);
      findings.push({
        rule: "sports/duplicate-signup",
        severity: "warning",
        message: t(same ? MSG.duplicateSame : MSG.duplicateDifferent, { student, first: first.row }),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(table, row, values.id ? "id" : "name"),
        row,
        data: { student: values.name, firstRow: first.row, sameChoices: same },
      });
    }
  }

  if (forms.length === 0 || offers.length === 0 || withPlaces === 0) return findings;

  // The draw. Blank or unknown choices keep their place so that ranks stay those of the form.
  const placeholder = (i: number) => `\u0000${i}`;
  const entries: ClubSignup[] = forms.map((f) => {
    const choices = f.choices.map((c, i) => c ?? placeholder(i));
    while (choices.length > 0 && (choices[choices.length - 1] as string).startsWith("\u0000")) choices.pop();
    return { id: f.id, name: f.name, choices };
  });
  const result = allocateClubs(offers, entries, { seed, maxClubsPerStudent: maxClubs });

  for (const u of result.unplaced) {
    const form = firstForm.get(u.studentId);
    if (!form) continue;
    const student = `${form.className ?? ""}${form.name}`;
    const at = { sheet: form.sheet, cell: cellOf(form.table, form.row, "name"), row: form.row };
    if (u.reason === "conflicting-signups") {
      const rows = forms.filter((f) => f.id === u.studentId).map((f) => f.row);
      findings.push({
        rule: "sports/student-unplaced",
        severity: "warning",
        message: t(MSG.unplacedConflicting, {
          student,
          count: rows.length,
          rows: rows.join(t(tr("、", ", "))),
        }),
        clause: CLAUSE,
        ...at,
        data: { student: form.name, reason: u.reason, rows },
      });
      continue;
    }
    const chosen = [...new Set(form.choices.filter((c): c is string => c !== undefined))];
    const names = chosen.map((id) => clubRows.get(id)?.offer.name ?? id);
    const why = maxClubs > 1 ? MSG.fullOrClash : MSG.full;
    findings.push({
      rule: "sports/student-unplaced",
      severity: "warning",
      message:
        chosen.length === 0
          ? t(MSG.unplacedNone, { student })
          : t(MSG.unplacedFull, {
              student,
              clubs: names.join(t(tr("、", ", "))),
              why: why["zh-CN"],
              whyEn: why.en,
            }),
      clause: CLAUSE,
      ...at,
      data: { student: form.name, reason: u.reason, choices: names },
    });
  }

  // How the choices were honoured: a report, not a finding, so a fair allocation says nothing.
  const { stats } = result;
  const share = (n: number) => (stats.students === 0 ? "" : `${((100 * n) / stats.students).toFixed(1)}%`);
  ctx.report({
    id: "sports.club-choices",
    title: tr("社团志愿录取情况", "Club choices honoured"),
    sheetName: tr("社团志愿录取情况", "Club choices"),
    columns: [
      { key: "item", title: tr("项目", "Item"), width: 16 },
      { key: "students", title: tr("人数", "Students") },
      { key: "share", title: tr("占报名人数", "Share") },
    ],
    rows: [
      { key: "students", item: t(tr("报名学生", "Students signed up")), students: stats.students, share: "" },
      {
        key: "first",
        item: t(tr("第一志愿录取", "First choice")),
        students: stats.first,
        share: share(stats.first),
      },
      {
        key: "second",
        item: t(tr("第二志愿录取", "Second choice")),
        students: stats.second,
        share: share(stats.second),
      },
      {
        key: "third",
        item: t(tr("第三志愿录取", "Third choice")),
        students: stats.third,
        share: share(stats.third),
      },
      {
        key: "unplaced",
        item: t(tr("未能安排", "Not placed")),
        students: stats.unplaced,
        share: share(stats.unplaced),
      },
      { key: "seed", item: t(tr("抽签种子", "Lottery seed")), students: null, share: seed },
    ],
  });

  const slotSep = t(tr("、", ", "));
  const placedRows = result.placements.flatMap((p) => {
    const form = firstForm.get(p.studentId);
    const club = clubRows.get(p.clubId);
    return form && club ? [{ form, club, rank: p.choiceRank, slots: p.slots }] : [];
  });
  const resultRows = [
    ...placedRows.map((p) => ({
      form: p.form,
      order: clubOrder(offers, p.club.offer.id),
      row: {
        student: p.form.name,
        className: p.form.className ?? null,
        grade: p.form.grade ?? null,
        club: p.club.offer.name,
        choice: RANK[p.rank - 1] ? t(RANK[p.rank - 1] as Bilingual) : String(p.rank),
        slot: p.slots.join(slotSep),
      },
    })),
    ...result.unplaced.flatMap((u) => {
      const form = firstForm.get(u.studentId);
      return form
        ? [
            {
              form,
              order: offers.length,
              row: {
                student: form.name,
                className: form.className ?? null,
                grade: form.grade ?? null,
                club: t(MSG.unplacedClub),
                choice: null,
                slot: null,
              },
            },
          ]
        : [];
    }),
  ].sort((a, b) => byClassThenName(a.form, b.form) || a.order - b.order);
  ctx.report(allocationReport(resultRows.map((r) => r.row)));

  const rosterRows: Record<string, string | number | null>[] = [];
  for (const offer of offers) {
    const club = clubRows.get(offer.id);
    const members = (result.rosters[offer.id] ?? [])
      .map((id) => firstForm.get(id))
      .filter((f): f is SignupRow => f !== undefined)
      .sort(byClassThenName);
    members.forEach((m, i) => {
      rosterRows.push({
        club: offer.name,
        coach: club?.coach ?? null,
        venue: club?.venue ?? null,
        slot: offer.slots.join(slotSep),
        no: i + 1,
        student: m.name,
        className: m.className ?? null,
        gender: m.gender ?? null,
      });
    });
  }
  ctx.report(rosterReport(rosterRows));
  return findings;
}

function sameChoices(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function clubOrder(offers: readonly ClubOffer[], id: string): number {
  return offers.findIndex((o) => o.id === id);
}

/** "社团分配结果": one row per placement, then the students not placed. */
function allocationReport(rows: readonly Record<string, string | number | null>[]): Report {
  return {
    id: "sports.club-allocation",
    title: tr("社团分配结果", "Club allocation"),
    sheetName: tr("社团分配结果", "Club allocation"),
    columns: [
      { key: "student", title: tr("学生", "Student") },
      { key: "className", title: tr("班级", "Class") },
      { key: "grade", title: tr("年级", "Grade") },
      { key: "club", title: tr("社团", "Club"), width: 14 },
      { key: "choice", title: tr("志愿", "Choice") },
      { key: "slot", title: tr("活动时间", "Slot"), width: 14 },
    ],
    rows,
  };
}

/** "社团名单": the members of each club, in the order of the clubs table. */
function rosterReport(rows: readonly Record<string, string | number | null>[]): Report {
  return {
    id: "sports.club-rosters",
    title: tr("社团名单", "Club rosters"),
    sheetName: tr("社团名单", "Club rosters"),
    columns: [
      { key: "club", title: tr("社团", "Club"), width: 14 },
      { key: "coach", title: tr("指导教师", "Coach") },
      { key: "venue", title: tr("活动场地", "Venue") },
      { key: "slot", title: tr("活动时间", "Slot"), width: 14 },
      { key: "no", title: tr("序号", "No.") },
      { key: "student", title: tr("学生", "Student") },
      { key: "className", title: tr("班级", "Class") },
      { key: "gender", title: tr("性别", "Gender") },
    ],
    rows,
  };
}

/** The clubs check as the apps run it (三(五)2). */
export const clubsCheck: Check = {
  id: "sports/clubs",
  title: tr("社团报名与分配", "Club signups and allocation"),
  kinds: [clubs, signups],
  run: checkClubs,
};
