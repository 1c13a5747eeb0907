import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocateClubs,
  type ClubAllocation,
  type ClubOffer,
  type ClubSignup,
  lotteryNumber,
} from "../allocateClubs.js";

const WED = "周三社团";
const FRI = "周五课后";

function club(id: string, capacity: number, slots: string[] = [WED]): ClubOffer {
  return { id, name: id, capacity, slots };
}
function signup(id: string, choices: string[]): ClubSignup {
  return { id, name: `学生${id}`, choices };
}

function checkInvariants(
  clubs: ClubOffer[],
  signups: ClubSignup[],
  result: ClubAllocation,
  maxPer = Infinity,
) {
  const clubMap = new Map<string, ClubOffer>();
  for (const c of clubs) if (!clubMap.has(c.id)) clubMap.set(c.id, c);
  const choicesOf = new Map(signups.map((s) => [s.id, s.choices]));
  // capacity
  for (const [id, c] of clubMap) {
    const n = result.placements.filter((p) => p.clubId === id).length;
    expect(n).toBeLessThanOrEqual(Math.max(0, Math.floor(c.capacity)));
    expect(result.rosters[id]?.length).toBe(n);
  }
  // one club per slot, cap per student, only chosen clubs, right rank
  const perStudent = new Map<string, string[]>();
  const clubsPerStudent = new Map<string, Set<string>>();
  for (const p of result.placements) {
    const slots = perStudent.get(p.studentId) ?? [];
    slots.push(...(clubMap.get(p.clubId)?.slots ?? []));
    perStudent.set(p.studentId, slots);
    const set = clubsPerStudent.get(p.studentId) ?? new Set();
    expect(set.has(p.clubId)).toBe(false);
    set.add(p.clubId);
    clubsPerStudent.set(p.studentId, set);
    const choices = choicesOf.get(p.studentId) ?? [];
    expect(choices.indexOf(p.clubId) + 1).toBe(p.choiceRank);
  }
  for (const slots of perStudent.values()) expect(new Set(slots).size).toBe(slots.length);
  for (const set of clubsPerStudent.values()) expect(set.size).toBeLessThanOrEqual(maxPer);
  // stats add up
  const s = result.stats;
  expect(s.first + s.second + s.third + s.other).toBe(result.placements.length);
  expect(s.placedStudents + s.unplaced).toBe(s.students);
  expect(s.students).toBe(new Set(signups.map((x) => x.id)).size);
  expect(s.unplaced).toBe(result.unplaced.length);
  for (const u of result.unplaced) expect(perStudent.has(u.studentId)).toBe(false);
}

describe("allocateClubs", () => {
  it("serves everyone's first choices before anyone's second choice", () => {
    const clubs = [club("篮球", 1), club("足球", 1)];
    // Whatever the draw, b's first choice 足球 must beat a's second choice 足球.
    for (const seed of ["", "a", "b", "c", "2025秋"]) {
      const r = allocateClubs(
        clubs,
        [signup("a", ["篮球", "足球"]), signup("b", ["足球"]), signup("c", ["篮球"])],
        {
          seed,
        },
      );
      expect(r.rosters.足球).toEqual(["b"]);
      expect(r.rosters.篮球).toHaveLength(1);
      expect(r.stats.first).toBe(2);
      expect(r.stats.second).toBe(0);
      expect(r.stats.unplaced).toBe(1);
      expect(r.unplaced[0]?.reason).toBe("choices-full");
    }
  });

  it("falls back to the second and third choices and reports the ranks", () => {
    const clubs = [club("田径", 1), club("篮球", 1), club("羽毛球", 5)];
    const r = allocateClubs(clubs, [
      signup("a", ["田径", "篮球", "羽毛球"]),
      signup("b", ["田径", "篮球", "羽毛球"]),
      signup("c", ["田径", "篮球", "羽毛球"]),
    ]);
    expect(r.stats).toMatchObject({
      first: 1,
      second: 1,
      third: 1,
      other: 0,
      unplaced: 0,
      placedStudents: 3,
    });
    // The lottery order decides who gets what.
    const [w1, w2, w3] = r.lotteryOrder;
    expect(r.rosters.田径).toEqual([w1]);
    expect(r.rosters.篮球).toEqual([w2]);
    expect(r.rosters.羽毛球).toEqual([w3]);
  });

  it("gives a student at most one club per slot but clubs in different slots", () => {
    const clubs = [club("篮球", 10, [WED]), club("足球", 10, [WED]), club("轮滑", 10, [FRI])];
    const r = allocateClubs(clubs, [signup("a", ["篮球", "足球", "轮滑"])]);
    expect(r.placements.map((p) => p.clubId)).toEqual(["篮球", "轮滑"]);
    expect(r.placements[1]).toMatchObject({ choiceRank: 3, slots: [FRI] });
    expect(r.stats).toMatchObject({ first: 1, second: 0, third: 1 });
  });

  it("treats a club meeting in several slots as occupying all of them", () => {
    const clubs = [club("田径", 10, [WED, FRI]), club("轮滑", 10, [FRI])];
    const r = allocateClubs(clubs, [signup("a", ["田径", "轮滑"])]);
    expect(r.placements).toEqual([{ studentId: "a", clubId: "田径", slots: [WED, FRI], choiceRank: 1 }]);
  });

  it("honours maxClubsPerStudent", () => {
    const clubs = [club("篮球", 10, [WED]), club("轮滑", 10, [FRI])];
    const r = allocateClubs(clubs, [signup("a", ["篮球", "轮滑"])], { maxClubsPerStudent: 1 });
    expect(r.placements.map((p) => p.clubId)).toEqual(["篮球"]);
  });

  it("reports unknown, repeated and missing choices without crashing", () => {
    const clubs = [club("篮球", 2), club("篮球", 9), club("棒垒球", Number.NaN), club("啦啦操", -3)];
    const r = allocateClubs(clubs, [
      signup("a", ["排球", "篮球"]),
      signup("b", []),
      signup("c", ["排球"]),
      signup("d", ["篮球", "篮球"]),
      signup("e", ["棒垒球", "啦啦操"]),
    ]);
    // An unknown first choice does not promote the second choice into round 1.
    expect(r.placements.find((p) => p.studentId === "a")?.choiceRank).toBe(2);
    expect(r.issues.map((i) => i.kind).sort()).toEqual([
      "duplicate-club",
      "repeated-choice",
      "unknown-club",
      "unknown-club",
    ]);
    expect(r.unplaced.map((u) => [u.studentId, u.reason])).toEqual([
      ["b", "no-choices"],
      ["c", "no-choices"],
      ["e", "choices-full"],
    ]);
    expect(r.unplaced[0]?.message["zh-CN"]).toContain("未填报志愿");
    expect(r.unplaced[1]?.message["zh-CN"]).toContain("不在社团名单中");
    expect(r.unplaced[2]?.message.en).toContain("full");
    expect(r.rosters.啦啦操).toEqual([]);
  });

  it("merges identical repeated signups and holds back conflicting ones", () => {
    const clubs = [club("篮球", 5)];
    const r = allocateClubs(clubs, [
      signup("a", ["篮球"]),
      signup("a", ["篮球"]),
      signup("b", ["篮球"]),
      signup("b", ["足球"]),
    ]);
    expect(r.rosters.篮球).toEqual(["a"]);
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0]).toMatchObject({ studentId: "b", reason: "conflicting-signups" });
    expect(r.issues.map((i) => i.kind)).toEqual(["duplicate-signup"]);
    expect(r.stats).toMatchObject({ students: 2, placedStudents: 1, unplaced: 1 });
  });

  it("draws lottery numbers from the seed and the id only", () => {
    expect(lotteryNumber("s", "x")).toBe(lotteryNumber("s", "x"));
    expect(lotteryNumber("s", "x")).not.toBe(lotteryNumber("t", "x"));
    expect(Number.isSafeInteger(lotteryNumber("s", "x"))).toBe(true);
  });

  it("handles a realistic school: 300 students, 7 clubs", () => {
    const names = ["田径", "篮球", "羽毛球", "啦啦操", "轮滑", "棒垒球", "足球"];
    const clubs = names.map((n, i) => club(n, [40, 50, 30, 30, 25, 20, 45][i] ?? 0, i < 5 ? [WED] : [FRI]));
    // First choices: 120 × 篮球 (50 seats), 90 × 足球 (45), 30 × 田径 (40), 30 × 羽毛球 (30), 30 × 轮滑 (25).
    const firstBy = ["篮球", "篮球", "篮球", "篮球", "足球", "足球", "足球", "田径", "羽毛球", "轮滑"];
    const signups: ClubSignup[] = [];
    for (let i = 0; i < 300; i++) {
      const first = firstBy[i % 10] ?? "篮球";
      const rest = names.filter((n) => n !== first);
      const second = rest[(i * 7) % rest.length] ?? "";
      const third = rest.filter((n) => n !== second)[(i * 11) % (rest.length - 1)] ?? "";
      signups.push({
        id: `2025${String(i).padStart(4, "0")}`,
        name: `学生${i}`,
        choices: [first, second, third],
      });
    }
    const r = allocateClubs(clubs, signups, { seed: "2025秋", maxClubsPerStudent: 1 });
    checkInvariants(clubs, signups, r, 1);
    const seats = clubs.reduce((s, c) => s + c.capacity, 0);
    expect(seats).toBe(240);
    expect(r.placements.length).toBeLessThanOrEqual(240);
    expect(r.stats.first).toBe(50 + 45 + 30 + 30 + 25);
    expect(r.stats.first + r.stats.second + r.stats.third).toBe(r.placements.length);
    expect(r.stats.unplaced).toBe(300 - r.placements.length);
    expect(r.placements.length).toBeGreaterThan(220);
    expect(allocateClubs(clubs, signups.toReversed(), { seed: "2025秋", maxClubsPerStudent: 1 })).toEqual(r);
    expect(r.stats.students).toBe(300);
    // A different seed is a different draw.
    const r2 = allocateClubs(clubs, signups, { seed: "2026春", maxClubsPerStudent: 1 });
    expect(r2.lotteryOrder).not.toEqual(r.lotteryOrder);
    expect(r2.stats.first).toBe(r.stats.first); // first-round fill doesn't depend on the draw
  });
});

describe("allocateClubs properties", () => {
  const slotArb = fc.constantFrom("周一", "周三", "周五");
  const clubsArb = fc
    .uniqueArray(fc.constantFrom("A", "B", "C", "D", "E", "F"), { minLength: 1, maxLength: 6 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            name: fc.constant(id),
            capacity: fc.integer({ min: -1, max: 6 }),
            slots: fc.uniqueArray(slotArb, { minLength: 1, maxLength: 2 }),
          }),
        ),
      ),
    );
  const signupsArb = fc.array(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      name: fc.string({ maxLength: 4 }),
      choices: fc.array(fc.constantFrom("A", "B", "C", "D", "E", "F", "Z"), { maxLength: 4 }),
    }),
    { maxLength: 40 },
  );
  const capArb = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });

  it("respects capacity, slots, choices and adds up its stats", () => {
    fc.assert(
      fc.property(clubsArb, signupsArb, fc.string(), capArb, (clubs, signups, seed, cap) => {
        const options = cap === undefined ? { seed } : { seed, maxClubsPerStudent: cap };
        const r = allocateClubs(clubs, signups, options);
        checkInvariants(clubs, signups, r, cap ?? Infinity);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same result whatever the row order", () => {
    fc.assert(
      fc.property(clubsArb, signupsArb, fc.string(), fc.integer(), (clubs, signups, seed, salt) => {
        const shuffled = signups
          .map((s, i) => ({ s, k: lotteryNumber(String(salt), String(i)) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.s);
        const a = allocateClubs(clubs, signups, { seed });
        const b = allocateClubs(clubs, shuffled, { seed });
        expect(b.placements).toEqual(a.placements);
        expect(b.rosters).toEqual(a.rosters);
        expect(b.unplaced).toEqual(a.unplaced);
        expect(b.stats).toEqual(a.stats);
      }),
      { numRuns: 300 },
    );
  });

  it("never leaves a student unplaced while a chosen, clash-free club has room", () => {
    fc.assert(
      fc.property(clubsArb, signupsArb, fc.string(), (clubs, signups, seed) => {
        const r = allocateClubs(clubs, signups, { seed, maxClubsPerStudent: 1 });
        const known = new Map<string, ClubOffer>();
        for (const c of clubs) if (!known.has(c.id)) known.set(c.id, c);
        for (const u of r.unplaced) {
          if (u.reason !== "choices-full") continue;
          const choices = signups.find((s) => s.id === u.studentId)?.choices ?? [];
          for (const id of choices) {
            const c = known.get(id);
            if (c) expect(r.rosters[id]?.length).toBe(Math.max(0, c.capacity));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
