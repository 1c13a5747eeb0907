import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignCoaches,
  type Coach,
  type CoachAssignmentResult,
  type CoachingAthlete,
  eventGroupOf,
  normalizeEvent,
} from "../assignCoaches.js";

const GROUPS = ["短跑", "中长跑", "跳跃", "投掷", "接力"];
const EVENTS = [
  "60m",
  "100m",
  "200m",
  "400m",
  "800m",
  "1500m",
  "跳远",
  "跳高",
  "三级跳",
  "铅球",
  "实心球",
  "4×100m",
];

/** Checks the hard invariants; returns nothing, throws via expect. */
function checkInvariants(
  athletes: readonly CoachingAthlete[],
  coaches: readonly Coach[],
  result: CoachAssignmentResult,
): void {
  const coachById = new Map(coaches.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (const a of result.assignments) {
    const key = `${a.athleteId}|${a.group}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    const coach = coachById.get(a.coachId);
    expect(coach).toBeDefined();
    const covers = new Set(coach?.events.map(normalizeEvent));
    for (const e of a.events) expect(covers.has(e) || covers.has(eventGroupOf(e))).toBe(true);
  }
  for (const u of result.uncovered) {
    const key = `${u.athleteId}|${u.group}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    expect(u.message["zh-CN"]).not.toBe("");
    expect(u.message.en).not.toBe("");
  }
  // Every athlete-group appears exactly once.
  const expected = new Set<string>();
  for (const a of athletes) for (const e of a.events) expected.add(`${a.id}|${eventGroupOf(e)}`);
  expect([...seen].sort()).toEqual([...expected].sort());
  // Load matches and never exceeds the cap.
  const counted: Record<string, number> = {};
  for (const c of coaches) counted[c.id] = 0;
  for (const a of result.assignments) counted[a.coachId] = (counted[a.coachId] ?? 0) + 1;
  expect(result.load).toEqual(counted);
  for (const c of coaches) expect(result.load[c.id]).toBeLessThanOrEqual(Math.max(0, c.maxAthletes));
}

/** No single athlete-group can move from a coach with load L+2 or more to an eligible coach with load L and room. */
function expectNoImprovingMove(coaches: readonly Coach[], result: CoachAssignmentResult): void {
  for (const a of result.assignments) {
    const from = result.load[a.coachId] ?? 0;
    for (const c of coaches) {
      const covers = new Set(c.events.map(normalizeEvent));
      if (!a.events.every((e) => covers.has(e) || covers.has(eventGroupOf(e)))) continue;
      const to = result.load[c.id] ?? 0;
      if (to < c.maxAthletes) expect(from, `${a.athleteId} ${a.coachId}→${c.id}`).toBeLessThan(to + 2);
    }
  }
}

const athleteArb = (i: number) =>
  fc.record({
    id: fc.constant(`A${String(i).padStart(3, "0")}`),
    name: fc.constant(`运动员${i}`),
    events: fc.uniqueArray(fc.constantFrom(...EVENTS), { minLength: 0, maxLength: 4 }),
  });

const athletesArb = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => athleteArb(i))));

const coachesArb = (events: fc.Arbitrary<string[]>) =>
  fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          id: fc.constant(`C${i}`),
          name: fc.constant(`教练${i}`),
          events,
          maxAthletes: fc.integer({ min: 0, max: 12 }),
        }),
      ),
    ),
  );

const shuffled = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

describe("event groups", () => {
  it("maps events to the default groups and normalises how they are typed", () => {
    expect(eventGroupOf("100米")).toBe("短跑");
    expect(eventGroupOf("２００ｍ")).toBe("短跑");
    expect(eventGroupOf("4x100m")).toBe("接力");
    expect(eventGroupOf(" 跳远 ")).toBe("跳跃");
    expect(eventGroupOf("铅球")).toBe("投掷");
    expect(eventGroupOf("跨栏")).toBe("跨栏");
    expect(eventGroupOf("400m", { "400m": "短跑" })).toBe("短跑");
  });

  it("gives an athlete in 100m and 200m one sprint coach, not two", () => {
    const r = assignCoaches(
      [{ id: "a1", name: "李明", events: ["100m", "200m"] }],
      [
        { id: "c1", name: "张老师", events: ["100m", "200m"], maxAthletes: 5 },
        { id: "c2", name: "王老师", events: ["短跑"], maxAthletes: 5 },
      ],
    );
    expect(r.assignments).toHaveLength(1);
    expect(r.assignments[0]).toMatchObject({ athleteId: "a1", group: "短跑", events: ["100m", "200m"] });
    expect(r.uncovered).toEqual([]);
  });

  it("honours overridden groups", () => {
    const r = assignCoaches(
      [{ id: "a1", name: "李明", events: ["100m", "400m"] }],
      [{ id: "c1", name: "张老师", events: ["短跑"], maxAthletes: 5 }],
      { groups: { "400m": "短跑" } },
    );
    expect(r.assignments).toEqual([
      { athleteId: "a1", group: "短跑", coachId: "c1", events: ["100m", "400m"] },
    ]);
  });
});

describe("assignCoaches", () => {
  it("says which athlete and events cannot be covered, bilingually", () => {
    const r = assignCoaches(
      [{ id: "a1", name: "李明", events: ["跳远", "跳高", "100m"] }],
      [{ id: "c1", name: "张老师", events: ["100m"], maxAthletes: 5 }],
    );
    expect(r.assignments).toEqual([{ athleteId: "a1", group: "短跑", coachId: "c1", events: ["100m"] }]);
    expect(r.uncovered).toHaveLength(1);
    expect(r.uncovered[0]?.reason).toBe("no-coach-for-event");
    expect(r.uncovered[0]?.message["zh-CN"]).toBe("李明的跳跃项目没有教练可带：没有教练报带跳远、跳高");
    expect(r.uncovered[0]?.message.en).toBe("李明 has no coach for jumps: no coach coaches 跳远, 跳高");
  });

  it("requires one coach who coaches all the athlete's events in the group", () => {
    const r = assignCoaches(
      [{ id: "a1", name: "李明", events: ["跳远", "跳高"] }],
      [
        { id: "c1", name: "张老师", events: ["跳远"], maxAthletes: 5 },
        { id: "c2", name: "王老师", events: ["跳高"], maxAthletes: 5 },
      ],
    );
    expect(r.assignments).toEqual([]);
    expect(r.uncovered[0]?.reason).toBe("no-coach-for-event");
    expect(r.uncovered[0]?.message["zh-CN"]).toBe(
      "李明的跳跃项目没有教练可带：没有一位教练同时报带跳远、跳高",
    );
  });

  it("reports coaches-full when eligible coaches are at their maximum", () => {
    const r = assignCoaches(
      [
        { id: "a1", name: "李明", events: ["铅球"] },
        { id: "a2", name: "王芳", events: ["铅球"] },
      ],
      [{ id: "c1", name: "张老师", events: ["铅球"], maxAthletes: 1 }],
    );
    expect(r.assignments).toEqual([{ athleteId: "a1", group: "投掷", coachId: "c1", events: ["铅球"] }]);
    expect(r.uncovered).toEqual([
      {
        athleteId: "a2",
        group: "投掷",
        events: ["铅球"],
        reason: "coaches-full",
        message: {
          "zh-CN": "王芳的投掷项目无法安排教练：能带的教练张老师（上限1人）都已带满",
          en: "王芳 cannot be given a throws coach: the coaches who could take them, 张老师 (max 1), are all full",
        },
      },
    ]);
  });

  it("reroutes to cover as many as possible (a greedy choice would strand someone)", () => {
    // a1 could go to c1 or c2; a2 only to c1. Both caps 1.
    const r = assignCoaches(
      [
        { id: "a1", name: "甲", events: ["100m"] },
        { id: "a2", name: "乙", events: ["200m"] },
      ],
      [
        { id: "c1", name: "张老师", events: ["100m", "200m"], maxAthletes: 1 },
        { id: "c2", name: "王老师", events: ["100m"], maxAthletes: 1 },
      ],
    );
    expect(r.uncovered).toEqual([]);
    expect(r.assignments.map((a) => a.coachId)).toEqual(["c2", "c1"]);
  });

  it("balances through chains of reassignment", () => {
    // c1 is the only jumps coach; sprinters should go to c2 so c1 only carries the jumpers.
    const athletes: CoachingAthlete[] = [
      ...[1, 2, 3, 4].map((i) => ({ id: `j${i}`, name: `跳${i}`, events: ["跳远"] })),
      ...[1, 2, 3, 4].map((i) => ({ id: `s${i}`, name: `跑${i}`, events: ["100m"] })),
    ];
    const r = assignCoaches(athletes, [
      { id: "c1", name: "张老师", events: ["跳远", "100m"], maxAthletes: 10 },
      { id: "c2", name: "王老师", events: ["100m"], maxAthletes: 10 },
    ]);
    expect(r.load).toEqual({ c1: 4, c2: 4 });
  });

  it("treats empty inputs and bad caps without failing", () => {
    expect(assignCoaches([], [])).toEqual({ assignments: [], load: {}, uncovered: [] });
    const r = assignCoaches(
      [{ id: "a1", name: "李明", events: ["", "100m"] }],
      [{ id: "c1", name: "张老师", events: ["100m"], maxAthletes: Number.NaN }],
    );
    expect(r.uncovered[0]?.reason).toBe("coaches-full");
    expect(r.load).toEqual({ c1: 0 });
  });

  it("handles a realistic meet: 60 athletes, 8 coaches, 12 events", () => {
    const athletes: CoachingAthlete[] = Array.from({ length: 60 }, (_, i) => ({
      id: `A${String(i).padStart(2, "0")}`,
      name: `运动员${i}`,
      events: [EVENTS[i % 12] as string, EVENTS[(i * 5 + 3) % 12] as string],
    }));
    const coaches: Coach[] = [
      { id: "T1", name: "张老师", events: ["短跑"], maxAthletes: 15 },
      { id: "T2", name: "李老师", events: ["60m", "100m", "200m", "4×100m"], maxAthletes: 15 },
      { id: "T3", name: "王老师", events: ["中长跑"], maxAthletes: 15 },
      { id: "T4", name: "赵老师", events: ["400m", "800m", "1500m"], maxAthletes: 15 },
      { id: "T5", name: "刘老师", events: ["跳远", "跳高", "三级跳"], maxAthletes: 15 },
      { id: "T6", name: "陈老师", events: ["跳跃", "投掷"], maxAthletes: 15 },
      { id: "T7", name: "杨老师", events: ["铅球", "实心球"], maxAthletes: 15 },
      { id: "T8", name: "周老师", events: ["接力", "短跑"], maxAthletes: 15 },
    ];
    const r = assignCoaches(athletes, coaches);
    checkInvariants(athletes, coaches, r);
    expect(r.uncovered).toEqual([]);
    // Jumps and throws (45 athlete-groups) can only go to T5–T7, who are therefore full; the others share
    // sprint, distance and relay work within one of each other where they share groups.
    expect(r.load).toEqual({ T1: 12, T2: 12, T3: 13, T4: 12, T5: 15, T6: 15, T7: 15, T8: 11 });
    expectNoImprovingMove(coaches, r);
  });
});

describe("assignCoaches properties", () => {
  it("every athlete-group is assigned to a coach who coaches it, or listed uncovered; caps hold", () => {
    fc.assert(
      fc.property(
        athletesArb,
        coachesArb(fc.uniqueArray(fc.constantFrom(...EVENTS, ...GROUPS), { maxLength: 6 })),
        (athletes, coaches) => {
          const r = assignCoaches(athletes, coaches);
          checkInvariants(athletes, coaches, r);
          expectNoImprovingMove(coaches, r);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("covers the maximum possible number (no uncovered when total capacity of full coverage suffices)", () => {
    fc.assert(
      fc.property(athletesArb, coachesArb(fc.constant(GROUPS)), (athletes, coaches) => {
        const r = assignCoaches(athletes, coaches);
        const demand = r.assignments.length + r.uncovered.length;
        const capacity = coaches.reduce((s, c) => s + c.maxAthletes, 0);
        expect(r.assignments.length).toBe(Math.min(demand, capacity));
        for (const u of r.uncovered) expect(u.reason).toBe("coaches-full");
      }),
      { numRuns: 200 },
    );
  });

  it("balances: when every coach coaches every group, max − min ≤ 1 among coaches below their cap", () => {
    fc.assert(
      fc.property(athletesArb, coachesArb(fc.constant(GROUPS)), (athletes, coaches) => {
        const r = assignCoaches(athletes, coaches);
        const open = coaches.filter((c) => (r.load[c.id] ?? 0) < c.maxAthletes).map((c) => r.load[c.id] ?? 0);
        if (open.length === 0) return;
        const minOpen = Math.min(...open);
        // No coach (full or not) carries two more than a coach who still has room.
        for (const c of coaches) expect(r.load[c.id] ?? 0).toBeLessThanOrEqual(minOpen + 1);
      }),
      { numRuns: 200 },
    );
  });

  it("does not depend on input order", () => {
    fc.assert(
      fc.property(
        athletesArb,
        coachesArb(fc.uniqueArray(fc.constantFrom(...EVENTS, ...GROUPS), { maxLength: 6 })),
        fc.integer(),
        (athletes, coaches, seed) => {
          const a = assignCoaches(athletes, coaches);
          const b = assignCoaches(
            shuffled(athletes, seed).map((x) => ({ ...x, events: shuffled(x.events, seed + 1) })),
            shuffled(coaches, seed + 2).map((c) => ({ ...c, events: shuffled(c.events, seed + 3) })),
          );
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 200 },
    );
  });
});
