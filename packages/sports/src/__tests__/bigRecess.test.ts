import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BigRecessPlan,
  compareNames,
  planBigRecess,
  type RecessGroup,
  type RecessSegment,
  type RecessVenue,
  weekdayList,
} from "../bigRecess.js";

const SEGMENTS: RecessSegment[] = [
  { name: "入场", minutes: 3 },
  { name: "广播操", minutes: 8 },
  { name: "跑操", minutes: 10 },
  { name: "跳绳", minutes: 6 },
  { name: "自选活动", minutes: 5 },
  { name: "放松退场", minutes: 3 },
];

/** The school of the tests: six grades of 240–320 pupils and four venues. */
const GRADES: RecessGroup[] = [
  ["一年级", 240],
  ["二年级", 256],
  ["三年级", 272],
  ["四年级", 288],
  ["五年级", 304],
  ["六年级", 320],
].map(([name, size]) => ({ id: name as string, name: name as string, size: size as number }));

const VENUES: RecessVenue[] = [
  { name: "操场", capacity: 600 },
  { name: "篮球场", capacity: 300 },
  { name: "体育馆", capacity: 250 },
  { name: "风雨操场", capacity: 400 },
];

/** Group id → venue per weekday, for readable assertions. */
function table(plan: BigRecessPlan): Record<string, (string | null)[]> {
  const out: Record<string, (string | null)[]> = {};
  for (const day of plan.rotation)
    for (const a of day.assignments) {
      const days = out[a.group] ?? [];
      days.push(a.venue);
      out[a.group] = days;
    }
  return out;
}

function overCapacity(plan: BigRecessPlan): boolean {
  return plan.rotation.some((day) => day.load.some((l) => l.pupils > l.capacity));
}

describe("planBigRecess: the programme", () => {
  it("gives each segment its start and end in minutes from the start", () => {
    const plan = planBigRecess({ segments: SEGMENTS });
    expect(plan.segments.map((s) => [s.name, s.start, s.end])).toEqual([
      ["入场", 0, 3],
      ["广播操", 3, 11],
      ["跑操", 11, 21],
      ["跳绳", 21, 27],
      ["自选活动", 27, 32],
      ["放松退场", 32, 35],
    ]);
    expect(plan.totalMinutes).toBe(35);
    expect(plan.warnings).toEqual([]);
  });

  it("says how many minutes a programme shorter than the minimum is missing", () => {
    const plan = planBigRecess({ segments: SEGMENTS.slice(0, 3) });
    expect(plan.warnings.map((w) => w.code)).toEqual(["recess-too-short"]);
    expect(plan.warnings[0]?.message).toMatchInlineSnapshot(`
      {
        "en": "The big recess lasts 21 minutes, 9 short of the required 30",
        "zh-CN": "大课间共 21 分钟，比要求的至少 30 分钟少 9 分钟",
      }
    `);
    expect(plan.warnings[0]?.data).toEqual({ totalMinutes: 21, minMinutes: 30, missingMinutes: 9 });
    expect(planBigRecess({ segments: SEGMENTS.slice(0, 3), minMinutes: 20 }).warnings).toEqual([]);
  });

  it("warns about a segment of 0 or negative minutes and counts it as 0", () => {
    const plan = planBigRecess({
      segments: [
        { name: "广播操", minutes: 30 },
        { name: "跳绳", minutes: 0 },
        { name: "放松", minutes: -5 },
      ],
    });
    expect(plan.warnings.map((w) => [w.code, w.segment])).toEqual([
      ["segment-minutes", 1],
      ["segment-minutes", 2],
    ]);
    expect(plan.warnings[0]?.message["zh-CN"]).toBe("环节“跳绳”的时长是 0 分钟，应大于 0");
    expect(plan.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 30],
      [30, 30],
      [30, 30],
    ]);
    expect(plan.totalMinutes).toBe(30);
  });
});

describe("planBigRecess: the venue rotation", () => {
  it("rotates the groups through the venues when everyone fits anywhere", () => {
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups: [
        { id: "1", name: "一年级", size: 200 },
        { id: "2", name: "二年级", size: 200 },
        { id: "3", name: "三年级", size: 200 },
      ],
      venues: [
        { name: "A场", capacity: 300 },
        { name: "B场", capacity: 300 },
        { name: "C场", capacity: 300 },
      ],
    });
    // The cyclic shift: group i on day d takes venue (i + d) mod 3.
    expect(table(plan)).toEqual({
      "1": ["A场", "B场", "C场", "A场", "B场"],
      "2": ["B场", "C场", "A场", "B场", "C场"],
      "3": ["C场", "A场", "B场", "C场", "A场"],
    });
    expect(plan.warnings.filter((w) => w.code === "group-without-venue")).toEqual([]);
  });

  it("lets groups share a venue that holds them", () => {
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups: [
        { id: "1", name: "一年级", size: 250 },
        { id: "2", name: "二年级", size: 300 },
        { id: "3", name: "三年级", size: 280 },
      ],
      venues: [
        { name: "操场", capacity: 600 },
        { name: "篮球场", capacity: 300 },
      ],
    });
    for (const day of plan.rotation) {
      expect(day.assignments.every((a) => a.venue !== null)).toBe(true);
      expect(day.load.find((l) => l.venue === "操场")?.groups).toHaveLength(2);
    }
    expect(overCapacity(plan)).toBe(false);
  });

  it("leaves a different grade out each day at a school whose venues cannot hold everyone", () => {
    const plan = planBigRecess({ segments: SEGMENTS, groups: GRADES, venues: VENUES });
    expect(plan.totalMinutes).toBe(35);
    expect(overCapacity(plan)).toBe(false);
    // Only 操场 holds two grades, so five of the six grades have a venue each day.
    for (const day of plan.rotation) expect(day.assignments.filter((a) => a.venue === null)).toHaveLength(1);
    const out = plan.warnings.filter((w) => w.code === "group-without-venue");
    // 一年级 is the only grade 体育馆 holds, so it is never the one left out; the others take turns.
    expect(out.map((w) => [w.group, w.weekdays?.length])).toEqual([
      ["二年级", 1],
      ["三年级", 1],
      ["四年级", 1],
      ["五年级", 1],
      ["六年级", 1],
    ]);
    expect(out.flatMap((w) => w.weekdays).sort()).toEqual([1, 2, 3, 4, 5]);
    const sixth = out.find((w) => w.group === "六年级");
    expect(sixth?.message["zh-CN"]).toBe(
      `六年级（320 人）${weekdayList(sixth?.weekdays ?? [])["zh-CN"]}没有分到大课间活动场地：各场地同时最多容纳 1550 人（最大的“操场”600 人），参加的 6 个年级/班级共 1680 人，每天都有年级/班级轮空，可错峰或增加场地`,
    );
    expect(sixth?.data).toMatchObject({
      size: 320,
      largestVenue: "操场",
      largestCapacity: 600,
      reason: "over-total-capacity",
    });
    // No grade has the same venue every day unless nothing else fits it.
    const week = table(plan);
    for (const [group, days] of Object.entries(week))
      if (group !== "一年级") expect(new Set(days.filter((v) => v !== null)).size).toBeGreaterThan(1);
    expect(week.一年级).toEqual(Array(5).fill("体育馆"));
  });

  it("moves a group off the venue it would otherwise have every day", () => {
    // Day by day, 四年级 keeps 篮球场 both days; swapping it with 二年级 on one day frees it.
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups: [
        { id: "g0", name: "一年级", size: 0 },
        { id: "g1", name: "二年级", size: 1 },
        { id: "g2", name: "三年级", size: 0 },
        { id: "g3", name: "四年级", size: 126 },
      ],
      venues: [
        { name: "操场", capacity: 127 },
        { name: "篮球场", capacity: 126 },
        { name: "体育馆", capacity: 0 },
      ],
      weekdays: [1, 3],
    });
    expect(new Set(table(plan).g3)).toEqual(new Set(["操场", "篮球场"]));
    expect(overCapacity(plan)).toBe(false);
  });

  it("places classes too, more than twelve of them, within the capacities", () => {
    const classes = Array.from({ length: 20 }, (_, i) => ({
      id: `c${i + 1}`,
      name: `${Math.floor(i / 4) + 1}(${(i % 4) + 1})班`,
      size: 45,
    }));
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups: classes,
      venues: [
        { name: "操场", capacity: 300 },
        { name: "篮球场", capacity: 200 },
      ],
    });
    expect(overCapacity(plan)).toBe(false);
    // 6 classes on 操场 and 4 on 篮球场: ten of the twenty each day, each class out at most three days.
    for (const day of plan.rotation) expect(day.assignments.filter((a) => a.venue !== null)).toHaveLength(10);
    for (const w of plan.warnings.filter((x) => x.code === "group-without-venue"))
      expect(w.weekdays?.length).toBeLessThanOrEqual(3);
    const roomy = planBigRecess({
      segments: SEGMENTS,
      groups: classes,
      venues: [{ name: "操场", capacity: 900 }],
    });
    expect(roomy.rotation.every((d) => d.assignments.every((a) => a.venue === "操场"))).toBe(true);
    expect(roomy.exact).toBe(true);
  });

  it("names the group, its size and the largest venue when it is too big for every venue", () => {
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups: [
        { id: "1", name: "一年级", size: 200 },
        { id: "6", name: "六年级", size: 700 },
      ],
      venues: VENUES,
      weekdays: [1, 3],
    });
    expect(table(plan)["6"]).toEqual([null, null]);
    const w = plan.warnings.find((x) => x.code === "group-without-venue");
    expect(w?.message).toEqual({
      "zh-CN":
        "六年级（700 人）周一、周三没有分到大课间活动场地：人数比最大的场地“操场”（可容纳 600 人）还多，需分批或分区活动",
      en: "六年级 (700 pupils) has no venue for the big recess on Mon, Wed: it is larger than the largest venue, “操场” (600 pupils); split it or stagger it",
    });
  });

  it("explains a school whose grades fit in total but not whole", () => {
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups: [
        { id: "a", name: "一年级", size: 300 },
        { id: "b", name: "二年级", size: 300 },
      ],
      venues: [
        { name: "东场", capacity: 350 },
        { name: "西场", capacity: 250 },
      ],
      weekdays: [1],
    });
    expect(plan.warnings.find((w) => w.code === "group-without-venue")?.data).toMatchObject({
      reason: "does-not-fit-whole",
      totalCapacity: 600,
      totalPupils: 600,
    });
  });

  it("checks a fixed venue for everyone against its capacity", () => {
    const plan = planBigRecess({
      segments: [
        { name: "广播操", minutes: 10, venue: "操场" },
        { name: "跑操", minutes: 20 },
        { name: "眼保健操", minutes: 5, venue: "教室" },
      ],
      groups: GRADES,
      venues: VENUES,
    });
    expect(plan.segments.map((s) => s.venueNeeded)).toEqual([false, true, false]);
    expect(plan.venueMinutes).toBe(20);
    const w = plan.warnings.filter((x) => x.code === "venue-over-capacity");
    expect(w.map((x) => x.segment)).toEqual([0]);
    expect(w[0]?.message["zh-CN"]).toBe(
      "“广播操”安排全体在“操场”进行，6 个年级/班级共 1680 人，超过该场地可容纳的 600 人",
    );
  });

  it("builds no rotation without venues or without a venue part", () => {
    expect(planBigRecess({ segments: SEGMENTS, groups: GRADES }).rotationBuilt).toBe(false);
    const fixed = planBigRecess({
      segments: [{ name: "广播操", minutes: 30, venue: "教室" }],
      groups: GRADES,
      venues: VENUES,
    });
    expect(fixed.rotationBuilt).toBe(false);
    expect(fixed.rotation).toEqual([]);
  });

  it("merges duplicate groups and venues and says so", () => {
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups: [
        { id: "1", name: "一年级", size: 100 },
        { id: "1", name: "一年级", size: 120 },
      ],
      venues: [
        { name: "操场", capacity: 600 },
        { name: "操场", capacity: 500 },
      ],
      weekdays: [1],
    });
    expect(plan.groups).toEqual([{ id: "1", name: "一年级", size: 220 }]);
    expect(plan.venues).toEqual([{ name: "操场", capacity: 500 }]);
    expect(plan.warnings.map((w) => w.code)).toEqual([
      "duplicate-group",
      "duplicate-venue",
      "daily-activity-short",
    ]);
    expect(plan.warnings[1]?.message["zh-CN"]).toBe(
      "场地“操场”登记了 2 次（可容纳 500、600 人），按较小的 500 人安排",
    );
  });
});

describe("planBigRecess: daily activity", () => {
  const groups = GRADES.slice(0, 2);
  const roomy = [{ name: "操场", capacity: 1000 }];

  it("adds the recess, PE lessons, after-school sessions and other daily minutes", () => {
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups,
      venues: roomy,
      peLessons: [
        { group: "一年级", weekday: 1, lessons: 1 },
        { group: "一年级", weekday: 3, lessons: 2 },
        { group: "二年级", weekday: 1, lessons: 1 },
      ],
      afterSchool: [
        { weekday: 1, name: "足球", minutes: 60, groups: ["二年级"] },
        { weekday: 2, name: "跳绳", minutes: 45 },
      ],
      otherDailyMinutes: 10,
    });
    const first = plan.activity.find((a) => a.group === "一年级");
    expect(
      first?.days.map((d) => [
        d.weekday,
        d.recessMinutes,
        d.peMinutes,
        d.afterSchoolMinutes,
        d.otherMinutes,
        d.totalMinutes,
      ]),
    ).toEqual([
      [1, 35, 40, 0, 10, 85],
      [2, 35, 0, 45, 10, 90],
      [3, 35, 80, 0, 10, 125],
      [4, 35, 0, 0, 10, 45],
      [5, 35, 0, 0, 10, 45],
    ]);
    const second = plan.activity.find((a) => a.group === "二年级");
    expect(second?.days[0]?.totalMinutes).toBe(35 + 40 + 60 + 10);
  });

  it("reports each short group once, listing its days, and says when PE lessons were not given", () => {
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups,
      venues: roomy,
      peLessons: [{ group: "一年级", weekday: 1, lessons: 2 }],
      afterSchool: [{ weekday: 1, name: "篮球", minutes: 60 }],
    });
    const short = plan.warnings.filter((w) => w.code === "daily-activity-short");
    expect(short.map((w) => [w.group, w.weekdays])).toEqual([
      ["一年级", [2, 3, 4, 5]],
      ["二年级", [1, 2, 3, 4, 5]],
    ]);
    expect(short[0]?.message).toEqual({
      "zh-CN": "一年级校内每天体育活动时间不足 120 分钟：周二至周五 35 分钟",
      en: "一年级 has less than 120 minutes of physical activity at school a day: Tue–Fri 35 min",
    });
    expect(short[1]?.message["zh-CN"]).toBe(
      "二年级校内每天体育活动时间不足 120 分钟：周一 95 分钟，周二至周五 35 分钟；没有二年级的体育课安排，体育课未计入，实际时间至少为此数",
    );
    expect(short[1]?.data).toMatchObject({ peGiven: false, lowerBound: true });
  });

  it("gives one warning per group for a school without timetable data, not one per day", () => {
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups: GRADES,
      venues: [{ name: "操场", capacity: 5000 }],
    });
    const short = plan.warnings.filter((w) => w.code === "daily-activity-short");
    expect(short).toHaveLength(6);
    expect(short[0]?.message["zh-CN"]).toBe(
      "一年级校内每天体育活动时间不足 120 分钟：周一至周五每天 35 分钟；没有一年级的体育课安排，体育课未计入，实际时间至少为此数；没有课后服务体育活动的安排，未计入",
    );
  });

  it("counts only the part without a venue on a day a group has none", () => {
    const plan = planBigRecess({
      segments: [
        { name: "广播操", minutes: 10, venue: "教室走廊" },
        { name: "跑操", minutes: 25 },
      ],
      groups: [{ id: "6", name: "六年级", size: 700 }],
      venues: VENUES,
      weekdays: [1],
    });
    expect(plan.activity[0]?.days[0]).toMatchObject({ venue: null, recessMinutes: 10, totalMinutes: 10 });
  });

  it("meets the target without a warning", () => {
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups: groups.slice(0, 1),
      venues: roomy,
      peLessons: [1, 2, 3, 4, 5].map((weekday) => ({ group: "一年级", weekday, lessons: 1 })),
      afterSchool: [{ weekday: 1, name: "课后体育", minutes: 45 }].flatMap((s) =>
        [1, 2, 3, 4, 5].map((weekday) => ({ ...s, weekday })),
      ),
    });
    expect(plan.activity[0]?.days.every((d) => d.totalMinutes === 120)).toBe(true);
    expect(plan.warnings).toEqual([]);
  });

  it("does not count a session outside the recess weekdays, or one for an unknown group", () => {
    const plan = planBigRecess({
      segments: SEGMENTS,
      groups,
      afterSchool: [
        { weekday: 6, name: "周六足球", minutes: 90 },
        { weekday: 2, name: "轮滑", minutes: 60, groups: ["九年级"] },
      ],
      peLessons: [{ group: "八年级", weekday: 1, lessons: 1 }],
      dailyTargetMinutes: 30,
    });
    expect(plan.warnings.map((w) => [w.code, w.session ?? w.peLesson])).toEqual([
      ["unknown-group", 0],
      ["session-off-day", 0],
      ["unknown-group", 1],
    ]);
    expect(plan.warnings[1]?.message["zh-CN"]).toBe(
      "课后服务活动“周六足球”在周六，不在大课间安排的周一至周五之内，未计入每日活动时间",
    );
    expect(plan.activity.every((a) => a.days.every((d) => d.afterSchoolMinutes === 0))).toBe(true);
  });
});

describe("compareNames and weekdayList", () => {
  it("orders grades and classes by their numbers", () => {
    expect(["十年级", "三年级", "二年级", "一年级", "初一"].sort(compareNames)).toEqual([
      "一年级",
      "二年级",
      "三年级",
      "十年级",
      "初一",
    ]);
    expect(["3(10)班", "3(2)班", "三(1)班"].sort(compareNames)).toEqual(["三(1)班", "3(2)班", "3(10)班"]);
  });
  it("joins runs of weekdays", () => {
    expect(weekdayList([5, 1, 2, 3])).toEqual({ "zh-CN": "周一至周三、周五", en: "Mon–Wed, Fri" });
    expect(weekdayList([2, 4])).toEqual({ "zh-CN": "周二、周四", en: "Tue, Thu" });
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties, against a brute-force oracle on small inputs.

/** Every arrangement of n groups on m venues (or none) that keeps each venue within its capacity. */
function arrangements(sizes: readonly number[], caps: readonly number[]): number[][] {
  const out: number[][] = [];
  const assign: number[] = [];
  const rem = [...caps];
  const walk = (g: number) => {
    if (g === sizes.length) {
      out.push([...assign]);
      return;
    }
    for (let v = -1; v < caps.length; v++) {
      if (v >= 0 && (rem[v] as number) < (sizes[g] as number)) continue;
      if (v >= 0) rem[v] = (rem[v] as number) - (sizes[g] as number);
      assign.push(v);
      walk(g + 1);
      assign.pop();
      if (v >= 0) rem[v] = (rem[v] as number) + (sizes[g] as number);
    }
  };
  walk(0);
  return out;
}

const placedCount = (a: readonly number[]) => a.filter((v) => v >= 0).length;

const NAMES = ["一年级", "二年级", "三年级", "四年级", "五年级"];
const PLACES = ["操场", "篮球场", "体育馆"];

const input = fc
  .record({
    sizes: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 5 }),
    caps: fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 3 }),
    weekdays: fc.subarray([1, 2, 3, 4, 5], { minLength: 1 }),
  })
  .map(({ sizes, caps, weekdays }) => ({
    groups: sizes.map((size, i) => ({ id: `g${i}`, name: NAMES[i] as string, size })),
    venues: caps.map((capacity, j) => ({ name: PLACES[j] as string, capacity })),
    weekdays,
  }));

function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

describe("planBigRecess: properties", () => {
  it("never puts more pupils on a venue than it holds", () => {
    fc.assert(
      fc.property(input, ({ groups, venues, weekdays }) => {
        const plan = planBigRecess({ segments: SEGMENTS, groups, venues, weekdays });
        for (const day of plan.rotation)
          for (const load of day.load) {
            const pupils = day.assignments
              .filter((a) => a.venue === load.venue)
              .reduce((s, a) => s + (groups.find((g) => g.id === a.group)?.size ?? 0), 0);
            expect(pupils).toBe(load.pupils);
            expect(load.pupils).toBeLessThanOrEqual(load.capacity);
          }
      }),
    );
  });

  it("places as many groups each day as any arrangement can, all of them when some arrangement does", () => {
    fc.assert(
      fc.property(input, ({ groups, venues, weekdays }) => {
        const plan = planBigRecess({ segments: SEGMENTS, groups, venues, weekdays });
        const sizes = plan.groups.map((g) => g.size);
        const caps = plan.venues.map((v) => v.capacity);
        const best = Math.max(...arrangements(sizes, caps).map(placedCount));
        for (const day of plan.rotation)
          expect(day.assignments.filter((a) => a.venue !== null)).toHaveLength(best);
        const unplacedWarnings = plan.warnings.filter((w) => w.code === "group-without-venue");
        expect(unplacedWarnings.length > 0).toBe(best < groups.length);
      }),
    );
  });

  it("leaves a group on one venue all week only when no arrangement of any day frees it", () => {
    fc.assert(
      fc.property(input, ({ groups, venues, weekdays }) => {
        const plan = planBigRecess({ segments: SEGMENTS, groups, venues, weekdays });
        if (plan.rotation.length < 2) return;
        const sizes = plan.groups.map((g) => g.size);
        const caps = plan.venues.map((v) => v.capacity);
        const index = new Map(plan.venues.map((v, j) => [v.name, j]));
        const days = plan.rotation.map((d) =>
          d.assignments.map((a) => (a.venue === null ? -1 : (index.get(a.venue) as number))),
        );
        const all = arrangements(sizes, caps);
        const most = Math.max(...all.map(placedCount));
        const stuckOn = (g: number, week: readonly (readonly number[])[]) => {
          const first = week[0]?.[g] as number;
          return first >= 0 && week.every((d) => d[g] === first) ? first : undefined;
        };
        for (let g = 0; g < sizes.length; g++) {
          const v = stuckOn(g, days);
          if (v === undefined) continue;
          for (let d = 0; d < days.length; d++) {
            const others = days.filter((_, i) => i !== d);
            const frees = all.some((a) => {
              if (placedCount(a) !== most || (a[g] as number) < 0 || a[g] === v) return false;
              // Without sticking a group that is not stuck now.
              return sizes.every((_, h) => {
                if (h === g || stuckOn(h, days) !== undefined) return true;
                return stuckOn(h, [...others, a]) === undefined;
              });
            });
            expect(frees).toBe(false);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same plan whatever the order of the groups and venues", () => {
    fc.assert(
      fc.property(
        input,
        fc.array(fc.nat(100), { minLength: 1, maxLength: 5 }),
        ({ groups, venues, weekdays }, keys) => {
          const a = planBigRecess({ segments: SEGMENTS, groups, venues, weekdays });
          const b = planBigRecess({
            segments: SEGMENTS,
            groups: permute(groups, keys),
            venues: permute(venues, [...keys].reverse()),
            weekdays: [...weekdays].reverse(),
          });
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it("lays the segments end to end from 0 to the total", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10, max: 60 }), { maxLength: 8 }), (minutes) => {
        const plan = planBigRecess({ segments: minutes.map((m, i) => ({ name: `环节${i}`, minutes: m })) });
        let at = 0;
        for (const s of plan.segments) {
          expect(s.start).toBe(at);
          expect(s.end - s.start).toBe(s.minutes);
          at = s.end;
        }
        expect(plan.totalMinutes).toBe(at);
        expect(plan.totalMinutes).toBe(minutes.reduce((sum, m) => sum + Math.max(0, m), 0));
        expect(plan.warnings.filter((w) => w.code === "segment-minutes")).toHaveLength(
          minutes.filter((m) => m <= 0).length,
        );
      }),
    );
  });
});
