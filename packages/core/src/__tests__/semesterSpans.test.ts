import { describe, expect, it } from "vitest";
import { createSchoolCalendar } from "../schoolCalendar.js";
import { semesterSpans } from "../semesterSpans.js";

const calendar = createSchoolCalendar({
  semesters: [
    { name: "2023–2024 第一学期", start: "2023-09-01", end: "2024-01-26" },
    { name: "2023–2024 第二学期", start: "2024-02-19", end: "2024-07-05" },
  ],
});

describe("semesterSpans", () => {
  it("clips the calendar's semesters to the range", () => {
    expect(semesterSpans(calendar, "2023-10-01", "2024-03-31")).toEqual([
      { name: "2023–2024 第一学期", start: "2023-10-01", end: "2024-01-26" },
      { name: "2023–2024 第二学期", start: "2024-02-19", end: "2024-03-31" },
    ]);
  });

  it("leaves out semesters outside the range", () => {
    expect(semesterSpans(calendar, "2024-01-27", "2024-02-18")).toEqual([]);
    expect(semesterSpans(calendar, "2024-08-01", "2024-08-31")).toEqual([]);
  });

  it("uses the halves of the school year when the calendar has no semesters", () => {
    expect(semesterSpans(createSchoolCalendar(), "2023-07-01", "2024-03-31")).toEqual([
      { name: "2022–2023 第二学期", start: "2023-07-01", end: "2023-08-31" },
      { name: "2023–2024 第一学期", start: "2023-09-01", end: "2024-01-31" },
      { name: "2023–2024 第二学期", start: "2024-02-01", end: "2024-03-31" },
    ]);
  });

  it("gives nothing when the range is reversed, and throws INVALID_DATE for a bad date", () => {
    expect(semesterSpans(calendar, "2024-03-01", "2024-02-01")).toEqual([]);
    expect(() => semesterSpans(calendar, "2024-02-30", "2024-03-01")).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
  });
});
