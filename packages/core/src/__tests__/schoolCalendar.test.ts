import { addDays, differenceInCalendarDays, getDay } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HouqinError } from "../errors.js";
import { dateToIso, type IsoDate, isoToDate } from "../isoDate.js";
import { type CalendarSettings, createSchoolCalendar, type Semester } from "../schoolCalendar.js";
import { holidayDataCovers, isWorkday } from "../statutoryCalendar.js";

const first: Semester = { name: "2023–2024 第一学期", start: "2023-09-01", end: "2024-01-31" };
const second: Semester = { name: "2023–2024 第二学期", start: "2024-02-18", end: "2024-07-10" };
const calendar = createSchoolCalendar({ semesters: [first, second] });
const everyWorkday = createSchoolCalendar();

function shift(date: IsoDate, days: number): IsoDate {
  return dateToIso(addDays(isoToDate(date), days));
}

/** Every date from `from` to `to`, both inclusive. */
function everyDate(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = from; d <= to; d = shift(d, 1)) dates.push(d);
  return dates;
}

/** A date between two dates, both inclusive. */
function dateIn(from: IsoDate, to: IsoDate): fc.Arbitrary<IsoDate> {
  const span = differenceInCalendarDays(isoToDate(to), isoToDate(from));
  return fc.integer({ min: 0, max: span }).map((n) => shift(from, n));
}

function expectCode(call: () => unknown, code: HouqinError["code"]): void {
  expect(call).toThrow(HouqinError);
  expect(call).toThrow(expect.objectContaining({ code }));
}

describe("createSchoolCalendar", () => {
  it("sorts the semesters and does not keep the caller's array", () => {
    const semesters = [second, first];
    const cal = createSchoolCalendar({ semesters });
    expect(cal.semesters).toEqual([first, second]);
    expect(semesters).toEqual([second, first]);
  });

  it("throws INVALID_CALENDAR for a semester that ends before it starts", () => {
    expectCode(
      () => createSchoolCalendar({ semesters: [{ name: "倒", start: "2024-01-31", end: "2023-09-01" }] }),
      "INVALID_CALENDAR",
    );
  });

  it("throws INVALID_CALENDAR for overlapping semesters", () => {
    const overlapping = { name: "重叠", start: "2024-01-31", end: "2024-03-01" };
    expectCode(() => createSchoolCalendar({ semesters: [first, overlapping] }), "INVALID_CALENDAR");
  });

  it("accepts a semester of one day and semesters that touch", () => {
    const touching = { name: "紧接", start: "2024-02-01", end: "2024-02-01" };
    expect(createSchoolCalendar({ semesters: [first, touching] }).semesters).toHaveLength(2);
  });

  it("throws INVALID_CALENDAR for a setting that is not a date", () => {
    expectCode(() => createSchoolCalendar({ closures: ["2023-13-01"] }), "INVALID_CALENDAR");
    expectCode(() => createSchoolCalendar({ extraDays: ["9月1日"] }), "INVALID_CALENDAR");
    expectCode(
      () => createSchoolCalendar({ semesters: [{ name: "坏", start: "2023-09-01", end: "2024-02-30" }] }),
      "INVALID_CALENDAR",
    );
  });
});

describe("isSchoolDay", () => {
  it("counts a make-up Saturday inside a semester", () => {
    expect(calendar.isSchoolDay("2023-10-07")).toBe(true);
    expect(calendar.isSchoolDay("2023-10-08")).toBe(true);
  });

  it("skips statutory holidays and ordinary weekends", () => {
    expect(calendar.isSchoolDay("2023-10-02")).toBe(false); // National Day
    expect(calendar.isSchoolDay("2023-09-29")).toBe(false); // Mid-Autumn
    expect(calendar.isSchoolDay("2023-09-02")).toBe(false); // a Saturday
  });

  it("counts no day outside the semesters, even a workday or a make-up day", () => {
    expect(calendar.isSchoolDay("2023-08-31")).toBe(false);
    expect(calendar.isSchoolDay("2024-02-04")).toBe(false); // make-up Sunday in the winter break
    expect(calendar.isSchoolDay("2024-02-18")).toBe(true); // make-up Sunday on the first day
  });

  it("counts every workday when there are no semesters", () => {
    expect(everyWorkday.isSchoolDay("2024-02-04")).toBe(true);
    expect(everyWorkday.isSchoolDay("2023-08-01")).toBe(true);
    expect(everyWorkday.semesters).toEqual([]);
  });

  it("lets a closure win over a workday", () => {
    const cal = createSchoolCalendar({ semesters: [first], closures: ["2023-10-09"] });
    expect(cal.isSchoolDay("2023-10-09")).toBe(false);
    expect(cal.isWorkday("2023-10-09")).toBe(true);
  });

  it("lets an extra day win over a holiday, a weekend, a closure and the semesters", () => {
    const cal = createSchoolCalendar({
      semesters: [first],
      closures: ["2023-10-14"],
      extraDays: ["2023-10-03", "2023-10-14", "2023-09-02", "2024-07-01"],
    });
    expect(cal.isSchoolDay("2023-10-03")).toBe(true); // National Day
    expect(cal.isSchoolDay("2023-09-02")).toBe(true); // a Saturday
    expect(cal.isSchoolDay("2023-10-14")).toBe(true); // also a closure
    expect(cal.isSchoolDay("2024-07-01")).toBe(true); // outside every semester
  });

  it("throws INVALID_DATE for a date that does not exist", () => {
    expectCode(() => calendar.isSchoolDay("2023-09-31"), "INVALID_DATE");
    expectCode(() => calendar.schoolDays("2023-09-01", "2023/09/30"), "INVALID_DATE");
    expectCode(() => calendar.nextSchoolDay("x"), "INVALID_DATE");
  });

  it("agrees with the workdays inside a semester when there are no closures or extra days", () => {
    fc.assert(
      fc.property(fc.oneof(dateIn(first.start, first.end), dateIn(second.start, second.end)), (date) => {
        expect(calendar.isSchoolDay(date)).toBe(isWorkday(date));
      }),
      { seed: 20231007, numRuns: 1000 },
    );
  });
});

describe("holidayName and isWorkday on the calendar", () => {
  it("answer from the State Council's calendar whatever the semesters", () => {
    expect(calendar.holidayName("2023-10-02")).toEqual({ "zh-CN": "国庆节", en: "National Day" });
    expect(calendar.holidayName("2023-10-09")).toBeUndefined();
    expect(calendar.isWorkday("2024-02-04")).toBe(true);
  });
});

describe("semesterOf", () => {
  it("finds the semester of a date, or none in the break", () => {
    expect(calendar.semesterOf("2023-09-01")).toEqual(first);
    expect(calendar.semesterOf("2024-01-31")).toEqual(first);
    expect(calendar.semesterOf("2024-02-10")).toBeUndefined();
    expect(calendar.semesterOf("2024-07-10")).toEqual(second);
    expect(calendar.semesterOf("2024-07-11")).toBeUndefined();
  });
});

describe("schoolDays", () => {
  it("lists the school days of a range, both ends included", () => {
    expect(calendar.schoolDays("2023-09-28", "2023-10-09")).toEqual([
      "2023-09-28",
      "2023-10-07",
      "2023-10-08",
      "2023-10-09",
    ]);
  });

  it("gives nothing for a range that ends before it starts", () => {
    expect(calendar.schoolDays("2023-10-09", "2023-09-28")).toEqual([]);
  });

  it("finds the school days around the winter break", () => {
    expect(calendar.schoolDays("2024-01-29", "2024-02-20")).toEqual([
      "2024-01-29",
      "2024-01-30",
      "2024-01-31",
      "2024-02-18",
      "2024-02-19",
      "2024-02-20",
    ]);
  });
});

describe("schoolWeeks", () => {
  it("gives the National Day week of 2023 its make-up weekend only", () => {
    expect(calendar.schoolWeeks("2023-09-25", "2023-10-15")).toEqual([
      {
        weekStart: "2023-09-25",
        weekEnd: "2023-10-01",
        days: ["2023-09-25", "2023-09-26", "2023-09-27", "2023-09-28"],
      },
      { weekStart: "2023-10-02", weekEnd: "2023-10-08", days: ["2023-10-07", "2023-10-08"] },
      {
        weekStart: "2023-10-09",
        weekEnd: "2023-10-15",
        days: ["2023-10-09", "2023-10-10", "2023-10-11", "2023-10-12", "2023-10-13"],
      },
    ]);
  });

  it("leaves out a week wholly inside a holiday", () => {
    // Spring Festival 2026: 02-15 to 02-23 off, 02-14 and 02-28 (Saturdays) are make-up days.
    expect(everyWorkday.schoolWeeks("2026-02-09", "2026-03-01")).toEqual([
      {
        weekStart: "2026-02-09",
        weekEnd: "2026-02-15",
        days: ["2026-02-09", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14"],
      },
      {
        weekStart: "2026-02-23",
        weekEnd: "2026-03-01",
        days: ["2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28"],
      },
    ]);
  });

  it("leaves out the weeks of the winter break and keeps the week bounds outside the range", () => {
    const weeks = calendar.schoolWeeks("2024-01-31", "2024-02-19");
    expect(weeks).toEqual([
      { weekStart: "2024-01-29", weekEnd: "2024-02-04", days: ["2024-01-31"] },
      { weekStart: "2024-02-12", weekEnd: "2024-02-18", days: ["2024-02-18"] },
      { weekStart: "2024-02-19", weekEnd: "2024-02-25", days: ["2024-02-19"] },
    ]);
  });

  it("holds every school day of the range exactly once, and nothing else", () => {
    fc.assert(
      fc.property(dateIn("2023-08-01", "2024-08-31"), fc.integer({ min: 0, max: 120 }), (from, length) => {
        const to = shift(from, length);
        const weeks = calendar.schoolWeeks(from, to);
        const listed = weeks.flatMap((w) => w.days);
        const expected = everyDate(from, to).filter((d) => calendar.isSchoolDay(d));
        expect(listed).toEqual(expected);
        for (const week of weeks) {
          expect(week.days.length).toBeGreaterThan(0);
          expect(getDay(isoToDate(week.weekStart))).toBe(1);
          expect(week.weekEnd).toBe(shift(week.weekStart, 6));
          for (const day of week.days) {
            expect(calendar.isSchoolDay(day)).toBe(true);
            expect(day >= week.weekStart && day <= week.weekEnd).toBe(true);
          }
        }
      }),
      { seed: 20240218, numRuns: 300 },
    );
  });
});

describe("nextSchoolDay and previousSchoolDay", () => {
  it("step over the National Day holiday", () => {
    expect(calendar.nextSchoolDay("2023-09-28")).toBe("2023-10-07");
    expect(calendar.previousSchoolDay("2023-10-07")).toBe("2023-09-28");
    expect(calendar.nextSchoolDay("2023-09-28", 3)).toBe("2023-10-09");
    expect(calendar.previousSchoolDay("2023-10-09", 3)).toBe("2023-09-28");
  });

  it("step over the winter break", () => {
    expect(calendar.nextSchoolDay("2024-01-31")).toBe("2024-02-18");
    expect(calendar.previousSchoolDay("2024-02-18")).toBe("2024-01-31");
  });

  it("give undefined past the last semester and before the first", () => {
    expect(calendar.nextSchoolDay("2024-07-10")).toBeUndefined();
    expect(calendar.nextSchoolDay("2030-01-01")).toBeUndefined();
    expect(calendar.previousSchoolDay("2023-09-01")).toBeUndefined();
    expect(calendar.nextSchoolDay("2024-07-09", 2)).toBeUndefined();
  });

  it("reach an extra day outside the semesters", () => {
    const cal = createSchoolCalendar({ semesters: [first], extraDays: ["2024-03-02", "2023-08-26"] });
    expect(cal.nextSchoolDay("2024-01-31")).toBe("2024-03-02");
    expect(cal.nextSchoolDay("2024-03-02")).toBeUndefined();
    expect(cal.previousSchoolDay("2023-09-01")).toBe("2023-08-26");
    expect(cal.previousSchoolDay("2023-08-26")).toBeUndefined();
  });

  it("throw INVALID_ARGUMENT for a count that is not a positive integer", () => {
    expectCode(() => calendar.nextSchoolDay("2023-09-28", 0), "INVALID_ARGUMENT");
    expectCode(() => calendar.previousSchoolDay("2023-09-28", 1.5), "INVALID_ARGUMENT");
  });

  it("land on a school day after the date with no school day in between", () => {
    fc.assert(
      fc.property(dateIn("2023-06-01", "2024-06-30"), (date) => {
        const next = calendar.nextSchoolDay(date);
        expect(next).toBeDefined();
        if (next === undefined) return;
        expect(next > date).toBe(true);
        expect(calendar.isSchoolDay(next)).toBe(true);
        expect(everyDate(shift(date, 1), shift(next, -1)).some((d) => calendar.isSchoolDay(d))).toBe(false);
      }),
      { seed: 20230929, numRuns: 500 },
    );
  });

  it("agree with a day-by-day walk for any settings", () => {
    const settings = fc.record({
      semesters: fc.constantFrom<readonly Semester[]>([], [first], [first, second], [second]),
      closures: fc.array(dateIn("2023-08-15", "2024-07-31"), { maxLength: 30 }),
      extraDays: fc.array(dateIn("2023-06-01", "2024-09-30"), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(settings, dateIn("2023-05-01", "2024-10-31"), (s: CalendarSettings, date) => {
        const cal = createSchoolCalendar(s);
        const walk = (step: 1 | -1): IsoDate | undefined => {
          let d = shift(date, step);
          for (let i = 0; i < 800; i++, d = shift(d, step)) if (cal.isSchoolDay(d)) return d;
          return undefined;
        };
        expect(cal.nextSchoolDay(date)).toBe(walk(1));
        expect(cal.previousSchoolDay(date)).toBe(walk(-1));
      }),
      { seed: 20240204, numRuns: 300 },
    );
  });
});

describe("nearestSchoolDay", () => {
  it("keeps a date that is a school day", () => {
    expect(calendar.nearestSchoolDay("2023-10-09")).toBe("2023-10-09");
    expect(calendar.nearestSchoolDay("2023-10-08", "after")).toBe("2023-10-08");
  });

  it("moves a Sunday back to the Friday", () => {
    expect(calendar.nearestSchoolDay("2023-09-17")).toBe("2023-09-15");
  });

  it("moves a Sunday back to a make-up Saturday", () => {
    expect(everyWorkday.nearestSchoolDay("2024-10-13")).toBe("2024-10-12");
  });

  it("moves a holiday back before it, or forward when asked", () => {
    expect(calendar.nearestSchoolDay("2023-10-01")).toBe("2023-09-28");
    expect(calendar.nearestSchoolDay("2023-10-01", "after")).toBe("2023-10-07");
  });

  it("gives undefined when there is no school day that way", () => {
    expect(calendar.nearestSchoolDay("2023-08-20")).toBeUndefined();
    expect(calendar.nearestSchoolDay("2023-08-20", "after")).toBe("2023-09-01");
    expect(calendar.nearestSchoolDay("2024-08-20", "after")).toBeUndefined();
  });
});

describe("addSchoolDays and schoolDaysBetween", () => {
  it("count the school days a response took", () => {
    expect(calendar.addSchoolDays("2023-09-28", 1)).toBe("2023-10-07");
    expect(calendar.addSchoolDays("2023-09-28", 2)).toBe("2023-10-08");
    expect(calendar.addSchoolDays("2023-10-08", -2)).toBe("2023-09-28");
    expect(calendar.schoolDaysBetween("2023-09-28", "2023-10-07")).toBe(1);
    expect(calendar.schoolDaysBetween("2023-09-28", "2023-10-06")).toBe(0);
    expect(calendar.schoolDaysBetween("2023-09-30", "2023-10-09")).toBe(3);
    expect(calendar.schoolDaysBetween("2023-10-09", "2023-10-09")).toBe(0);
  });

  it("rolls a date that is not a school day forward when adding none", () => {
    expect(calendar.addSchoolDays("2023-10-09", 0)).toBe("2023-10-09");
    expect(calendar.addSchoolDays("2023-10-01", 0)).toBe("2023-10-07");
  });

  it("counts backwards as minus the school days from the earlier date up to the later", () => {
    expect(calendar.schoolDaysBetween("2023-10-07", "2023-09-28")).toBe(-1);
    expect(calendar.schoolDaysBetween("2023-10-09", "2023-09-30")).toBe(-2);
  });

  it("throws INVALID_ARGUMENT for a count that is not an integer", () => {
    expectCode(() => calendar.addSchoolDays("2023-09-28", 0.5), "INVALID_ARGUMENT");
  });

  it("are inverse to each other", () => {
    fc.assert(
      fc.property(
        dateIn("2023-09-01", "2024-06-30"),
        fc.integer({ min: -20, max: 20 }).filter((n) => n !== 0),
        (date, n) => {
          const moved = calendar.addSchoolDays(date, n);
          if (moved !== undefined) expect(calendar.schoolDaysBetween(date, moved)).toBe(n);
        },
      ),
      { seed: 20231008, numRuns: 500 },
    );
  });
});

describe("uncoveredYears", () => {
  it("names the years of a range without holiday data", () => {
    const lastCovered = 2026; // the data of chinese-days 1.5.7; holidayDataCovers derives it
    expect(holidayDataCovers(lastCovered)).toBe(true);
    expect(everyWorkday.uncoveredYears("2026-09-01", "2028-01-31")).toEqual(
      [2027, 2028].filter((y) => !holidayDataCovers(y)),
    );
    expect(everyWorkday.uncoveredYears("2023-09-01", "2024-07-10")).toEqual([]);
    expect(everyWorkday.uncoveredYears("2024-07-10", "2023-09-01")).toEqual([]);
  });

  it("ignores a year that the semesters do not reach", () => {
    const cal = createSchoolCalendar({ semesters: [{ name: "秋", start: "2030-09-01", end: "2030-12-31" }] });
    expect(cal.uncoveredYears("2030-09-01", "2031-02-28")).toEqual([2030]);
    expect(cal.uncoveredYears("2031-01-01", "2031-02-28")).toEqual([]);
  });
});

describe("memoisation", () => {
  it("answers a year of daily look-ups for 60 classes quickly", () => {
    const cal = createSchoolCalendar({ semesters: [first, second] });
    const days = everyDate("2023-09-01", "2024-07-10");
    const started = performance.now();
    let count = 0;
    for (let c = 0; c < 60; c++) for (const d of days) if (cal.isSchoolDay(d)) count++;
    expect(count).toBe(60 * cal.schoolDays("2023-09-01", "2024-07-10").length);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
