import type { Bilingual } from "@houqin/core";

/**
 * Club allocation (三(五)2: 田径, 篮球, 羽毛球, 啦啦操, 轮滑, 棒垒球, 足球… in the Wednesday club
 * slot and the after-school sessions). Pure core: no workbook types.
 *
 * Model
 * - A club meets in every one of its `slots` ("周三社团", "周五课后"…); a member attends all of them,
 *   so a place in a club occupies all its slots. `capacity` is the club's total number of places.
 * - A student holds at most one club per slot: two clubs sharing a slot cannot both be given to the
 *   same student. A student may hold several clubs in different slots unless
 *   `options.maxClubsPerStudent` caps it (e.g. 1 = "one club each").
 * - A student only ever gets a club they chose.
 *
 * Mechanism: seeded lottery + rounds by choice rank ("Boston" / rank-maximal style).
 * 1. Every student draws a lottery number = a 53-bit hash of `seed` and their id (ties, practically
 *    impossible, broken by id). Order of the rows plays no part: the same signups in any order with
 *    the same seed give the same result; another seed gives another draw.
 * 2. Round k = 1, 2, 3…: in lottery order, each student's k-th choice is granted if the club still has
 *    room, none of its slots is already taken by that student, the student is not already in it, and
 *    the student is under `maxClubsPerStudent`. Everyone's first choices are served before anyone's
 *    second choice, so nobody loses a first choice to someone else's second choice. A skipped
 *    (unknown) choice does not promote the next one into an earlier round.
 *
 * Bad input never throws: unknown club ids in a choice list, repeated choices, clubs repeated in the
 * club list and students signing up twice are reported in `issues`. Repeated signups with the same
 * choices count once; with different choices the student is left unplaced until the list is fixed,
 * since picking one of the forms would depend on row order.
 */

/** A club on offer. */
export interface ClubOffer {
  id: string;
  name: string;
  /** Total places; non-integers are rounded down, negatives and NaN count as 0. */
  capacity: number;
  /** The slots the club meets in; a member attends all of them. */
  slots: readonly string[];
}

/** One student's signup: club ids, first choice first. */
export interface ClubSignup {
  id: string;
  name: string;
  choices: readonly string[];
}

export interface AllocateClubsOptions {
  /** Lottery seed (e.g. "2025秋"); the default "" still gives a fixed, row-order-free draw. */
  seed?: string;
  /** Most clubs one student may hold (default: no cap besides one club per slot). */
  maxClubsPerStudent?: number;
}

export interface ClubPlacement {
  studentId: string;
  clubId: string;
  /** The club's slots the student now occupies. */
  slots: string[];
  /** 1 = first choice, 2 = second… (position on the signup form). */
  choiceRank: number;
}

export type UnplacedReason = "no-choices" | "choices-full" | "conflicting-signups";

export interface UnplacedStudent {
  studentId: string;
  reason: UnplacedReason;
  message: Bilingual;
}

export type AllocationIssueKind = "unknown-club" | "repeated-choice" | "duplicate-club" | "duplicate-signup";

export interface AllocationIssue {
  kind: AllocationIssueKind;
  studentId?: string;
  clubId?: string;
  message: Bilingual;
}

export interface AllocationStats {
  /** Placements that were the student's first / second / third / a later choice. */
  first: number;
  second: number;
  third: number;
  other: number;
  /** Students with no club at all. */
  unplaced: number;
  /** Distinct student ids signed up. */
  students: number;
  /** Students with at least one club; placedStudents + unplaced === students. */
  placedStudents: number;
}

export interface ClubAllocation {
  /** In lottery order, then by round. */
  placements: ClubPlacement[];
  /** Sorted by student id. */
  unplaced: UnplacedStudent[];
  stats: AllocationStats;
  /** Every club id (even empty clubs) → its members' ids, sorted. */
  rosters: Record<string, string[]>;
  /** Student ids in lottery order (publishable, so the draw can be checked). */
  lotteryOrder: string[];
  issues: AllocationIssue[];
}

/** The lottery number of a student: cyrb53 (a fast 53-bit string hash) of the seed and the id. */
export function lotteryNumber(seed: string, studentId: string): number {
  const text = `${seed}\u0000${studentId}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

interface Student {
  id: string;
  name: string;
  /** Known, distinct club ids with their rank on the form (1-based). */
  choices: { clubId: string; rank: number }[];
  hadChoices: boolean;
}

/** Allocates students to clubs; see the module comment for the model and the mechanism. */
export function allocateClubs(
  clubs: readonly ClubOffer[],
  signups: readonly ClubSignup[],
  options: AllocateClubsOptions = {},
): ClubAllocation {
  const seed = options.seed ?? "";
  const cap = options.maxClubsPerStudent;
  const maxPerStudent = cap === undefined || Number.isNaN(cap) ? Number.POSITIVE_INFINITY : Math.max(0, cap);
  const issues: AllocationIssue[] = [];

  // Clubs: the first entry of an id wins; later ones are reported.
  const clubById = new Map<string, { club: ClubOffer; capacity: number; slots: string[] }>();
  for (const club of clubs) {
    if (clubById.has(club.id)) {
      issues.push({
        kind: "duplicate-club",
        clubId: club.id,
        message: {
          "zh-CN": `社团编号“${club.id}”（${club.name}）重复出现，只按第一次出现的那一项安排`,
          en: `Club id "${club.id}" (${club.name}) appears more than once; only its first entry is used`,
        },
      });
      continue;
    }
    const capacity = Number.isFinite(club.capacity) ? Math.max(0, Math.floor(club.capacity)) : 0;
    clubById.set(club.id, { club, capacity, slots: [...new Set(club.slots)] });
  }

  // Signups: grouped by id so that row order cannot matter.
  const byId = new Map<string, ClubSignup[]>();
  for (const signup of signups) {
    const list = byId.get(signup.id);
    if (list) list.push(signup);
    else byId.set(signup.id, [signup]);
  }

  const unplaced: UnplacedStudent[] = [];
  const students: Student[] = [];
  const ids = [...byId.keys()].sort(compareText);
  for (const id of ids) {
    // Sorted so that which copy supplies the name cannot depend on row order.
    const forms = (byId.get(id) ?? []).toSorted(
      (a, b) =>
        compareText(a.name, b.name) || compareText(a.choices.join("\u0000"), b.choices.join("\u0000")),
    );
    const first = forms[0];
    if (!first) continue;
    if (forms.length > 1) {
      if (!forms.every((f) => sameList(f.choices, first.choices))) {
        unplaced.push({
          studentId: id,
          reason: "conflicting-signups",
          message: {
            "zh-CN": `学生“${first.name}”（${id}）报名了${forms.length}次且志愿不一致，请核对后只保留一份`,
            en: `Student ${first.name} (${id}) signed up ${forms.length} times with different choices; keep one signup`,
          },
        });
        continue;
      }
      issues.push({
        kind: "duplicate-signup",
        studentId: id,
        message: {
          "zh-CN": `学生“${first.name}”（${id}）重复报名${forms.length}次，志愿相同，按一次计`,
          en: `Student ${first.name} (${id}) signed up ${forms.length} times with the same choices; counted once`,
        },
      });
    }
    const seen = new Set<string>();
    const choices: Student["choices"] = [];
    first.choices.forEach((clubId, index) => {
      const rank = index + 1;
      if (!clubById.has(clubId)) {
        issues.push({
          kind: "unknown-club",
          studentId: id,
          clubId,
          message: {
            "zh-CN": `学生“${first.name}”的第${rank}志愿“${clubId}”不在社团名单中，已跳过`,
            en: `${first.name}'s choice ${rank} "${clubId}" is not a club on offer; skipped`,
          },
        });
        return;
      }
      if (seen.has(clubId)) {
        issues.push({
          kind: "repeated-choice",
          studentId: id,
          clubId,
          message: {
            "zh-CN": `学生“${first.name}”的第${rank}志愿与前面的志愿重复（${clubId}），已跳过`,
            en: `${first.name}'s choice ${rank} repeats an earlier choice (${clubId}); skipped`,
          },
        });
        return;
      }
      seen.add(clubId);
      choices.push({ clubId, rank });
    });
    students.push({ id, name: first.name, choices, hadChoices: first.choices.length > 0 });
  }

  // The draw.
  const lottery = new Map(students.map((s) => [s.id, lotteryNumber(seed, s.id)]));
  students.sort((a, b) => (lottery.get(a.id) ?? 0) - (lottery.get(b.id) ?? 0) || compareText(a.id, b.id));

  const filled = new Map<string, number>();
  const held = new Map<string, { slots: Set<string>; clubs: Set<string> }>();
  for (const s of students) held.set(s.id, { slots: new Set(), clubs: new Set() });
  const placements: ClubPlacement[] = [];
  const maxRank = students.reduce((m, s) => Math.max(m, s.choices.at(-1)?.rank ?? 0), 0);

  // Round k serves the choices ranked k on the form.
  for (let round = 1; round <= maxRank; round++) {
    for (const s of students) {
      const choice = s.choices.find((c) => c.rank === round);
      const mine = held.get(s.id);
      if (!choice || !mine || mine.clubs.size >= maxPerStudent) continue;
      const offer = clubById.get(choice.clubId);
      if (!offer) continue;
      const taken = filled.get(choice.clubId) ?? 0;
      if (taken >= offer.capacity) continue;
      if (offer.slots.some((slot) => mine.slots.has(slot))) continue;
      filled.set(choice.clubId, taken + 1);
      mine.clubs.add(choice.clubId);
      for (const slot of offer.slots) mine.slots.add(slot);
      placements.push({
        studentId: s.id,
        clubId: choice.clubId,
        slots: [...offer.slots],
        choiceRank: choice.rank,
      });
    }
  }

  const rosters: Record<string, string[]> = {};
  for (const id of clubById.keys()) rosters[id] = [];
  for (const p of placements) rosters[p.clubId]?.push(p.studentId);
  for (const list of Object.values(rosters)) list.sort(compareText);
  const order = new Map(students.map((s, i) => [s.id, i]));
  placements.sort((a, b) => (order.get(a.studentId) ?? 0) - (order.get(b.studentId) ?? 0));

  for (const s of students) {
    if ((held.get(s.id)?.clubs.size ?? 0) > 0) continue;
    if (s.choices.length === 0) {
      unplaced.push({
        studentId: s.id,
        reason: "no-choices",
        message: s.hadChoices
          ? {
              "zh-CN": `学生“${s.name}”（${s.id}）填报的志愿都不在社团名单中，未能安排`,
              en: `None of ${s.name} (${s.id})'s choices is a club on offer; not placed`,
            }
          : {
              "zh-CN": `学生“${s.name}”（${s.id}）未填报志愿，未能安排`,
              en: `${s.name} (${s.id}) listed no choices; not placed`,
            },
      });
      continue;
    }
    const names = s.choices.map((c) => clubById.get(c.clubId)?.club.name ?? c.clubId);
    unplaced.push({
      studentId: s.id,
      reason: "choices-full",
      message: {
        "zh-CN": `学生“${s.name}”（${s.id}）所填志愿（${names.join("、")}）均已满员或时段冲突，未能安排`,
        en: `Every club ${s.name} (${s.id}) chose (${names.join(", ")}) is full or clashes in time; not placed`,
      },
    });
  }
  unplaced.sort((a, b) => compareText(a.studentId, b.studentId));

  const count = (match: (rank: number) => boolean) => placements.filter((p) => match(p.choiceRank)).length;
  return {
    placements,
    unplaced,
    stats: {
      first: count((r) => r === 1),
      second: count((r) => r === 2),
      third: count((r) => r === 3),
      other: count((r) => r > 3),
      unplaced: unplaced.length,
      students: ids.length,
      placedStudents: new Set(placements.map((p) => p.studentId)).size,
    },
    rosters,
    lotteryOrder: students.map((s) => s.id),
    issues,
  };
}
