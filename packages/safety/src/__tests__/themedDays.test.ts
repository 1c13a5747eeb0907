import { createSchoolCalendar } from "@houqin/core";
import { describe, expect, it } from "vitest";
import { THEMED_DAYS, themedDate } from "../themedDays.js";

const noSemesters = createSchoolCalendar();

describe("THEMED_DAYS", () => {
  it("fixes 5.12, 9.18, 11.9 and 4.15 by month and day", () => {
    expect(THEMED_DAYS["disaster-prevention"].date(2024)).toBe("2024-05-12");
    expect(THEMED_DAYS["air-defence"].date(2023)).toBe("2023-09-18");
    expect(THEMED_DAYS["fire-safety"].date(2024)).toBe("2024-11-09");
    expect(THEMED_DAYS["national-security"].date(2025)).toBe("2025-04-15");
  });

  it("puts 全国中小学生安全教育日 on the last Monday of March, even when its week runs into April", () => {
    expect(THEMED_DAYS["student-safety-education"].date(2022)).toBe("2022-03-28"); // the 27th
    expect(THEMED_DAYS["student-safety-education"].date(2024)).toBe("2024-03-25");
    expect(THEMED_DAYS["student-safety-education"].date(2025)).toBe("2025-03-31"); // the 30th
  });

  it("puts 全民国防教育日 on the third Saturday of September", () => {
    expect(THEMED_DAYS["national-defence-education"].date(2023)).toBe("2023-09-16");
    expect(THEMED_DAYS["national-defence-education"].date(2024)).toBe("2024-09-21");
  });

  it("throws INVALID_ARGUMENT for a year that has no dates", () => {
    expect(() => THEMED_DAYS["fire-safety"].date(10000)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => THEMED_DAYS["student-safety-education"].date(0)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});

describe("themedDate", () => {
  it("keeps 9.18 in 2023, a Monday and a school day", () => {
    expect(themedDate("air-defence", 2023, noSemesters)).toBe("2023-09-18");
  });

  it("moves 11.9 in 2024, a Saturday, to the Friday before", () => {
    expect(themedDate("fire-safety", 2024, noSemesters)).toBe("2024-11-08");
    expect(themedDate("fire-safety", 2024, noSemesters, "after")).toBe("2024-11-11");
  });

  it("moves 5.12 in 2024, a Sunday, to Saturday 2024-05-11, a 调休 make-up school day", () => {
    expect(themedDate("disaster-prevention", 2024, noSemesters)).toBe("2024-05-11");
  });

  it("moves 5.12 in 2024 to Friday 2024-05-10 when the school closes on the make-up Saturday", () => {
    const closed = createSchoolCalendar({ closures: ["2024-05-11"] });
    expect(themedDate("disaster-prevention", 2024, closed)).toBe("2024-05-10");
    expect(themedDate("disaster-prevention", 2024, closed, "after")).toBe("2024-05-13");
  });

  it("moves 全民国防教育日 2023 (a Saturday) to Friday 2023-09-15", () => {
    expect(themedDate("national-defence-education", 2023, noSemesters)).toBe("2023-09-15");
  });

  it("goes the other way when a break lies in the set direction, and gives undefined with no school day within a week", () => {
    const calendar = createSchoolCalendar({
      semesters: [
        { name: "2023–2024 第二学期", start: "2024-02-19", end: "2024-07-05" },
        { name: "2024–2025 第一学期", start: "2024-09-19", end: "2025-01-17" },
      ],
    });
    // 9.18 2024 is a Wednesday before the semester: not back to July, on to the first day.
    expect(themedDate("air-defence", 2024, calendar)).toBe("2024-09-19");
    expect(themedDate("national-security", 2023, calendar)).toBeUndefined(); // no semester near
    expect(themedDate("national-defence-education", 2024, calendar, "before")).toBe("2024-09-20");
  });
});
