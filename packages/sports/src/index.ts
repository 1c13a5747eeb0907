export type {
  AllocateClubsOptions,
  AllocationIssue,
  AllocationIssueKind,
  AllocationStats,
  ClubAllocation,
  ClubOffer,
  ClubPlacement,
  ClubSignup,
  UnplacedReason,
  UnplacedStudent,
} from "./allocateClubs.js";
export { allocateClubs, lotteryNumber } from "./allocateClubs.js";
export type {
  AssignCoachesOptions,
  Coach,
  CoachAssignment,
  CoachAssignmentResult,
  CoachingAthlete,
  UncoveredAthleteGroup,
  UncoveredReason,
} from "./assignCoaches.js";
export { assignCoaches, DEFAULT_EVENT_GROUPS, eventGroupOf, normalizeEvent } from "./assignCoaches.js";
export type {
  AfterSchoolSession,
  BigRecessPlan,
  GroupActivity,
  GroupDayActivity,
  PeLessons,
  PlanBigRecessOptions,
  PlannedSegment,
  RecessDay,
  RecessGroup,
  RecessSegment,
  RecessVenue,
  RecessWarning,
  RecessWarningCode,
} from "./bigRecess.js";
export { compareNames, planBigRecess, weekdayList, weekdayName } from "./bigRecess.js";
export { attendanceCheck, checkAttendance, DEFAULT_ABSENCES_IN_A_ROW } from "./checkAttendance.js";
export { checkClubs, clubsCheck, DEFAULT_CLUB_SLOT } from "./checkClubs.js";
export { checkCoaching, coachingCheck } from "./checkCoaching.js";
export { checkEntries, entriesCheck } from "./checkEntries.js";
export { checkRecess, recessCheck } from "./checkRecess.js";
export type { AttendanceMark, Gender } from "./kinds.js";
export {
  athletes,
  attendance,
  attendanceSheet,
  clubs,
  coaches,
  meet,
  parseAttendanceMark,
  parseWeekdays,
  signups,
  splitEvents,
} from "./kinds.js";
export type { GradeSelection } from "./recessKinds.js";
export {
  afterSchool,
  classGrade,
  gradeNumber,
  gradeSizes,
  minutesCell,
  parseGrades,
  parseMinutes,
  peTimetable,
  recessSegments,
  venues,
} from "./recessKinds.js";
export type {
  CoachRoster,
  CoachSession,
  RosterAssignment,
  RosterDateSource,
  RosterDay,
  RosterErrorReason,
  RosterOptions,
  RosterSession,
  RosterUncovered,
  SessionCoach,
  TrackRoster,
} from "./roster.js";
export { DEFAULT_VENUES, RosterError, rosterFor } from "./roster.js";
export { rosterSheets } from "./rosterSheets.js";
export { sports } from "./sportsModule.js";
export type { MeetEvent, SourceCell, Team, TeamAthlete, TeamCoach } from "./team.js";
export {
  DEFAULT_MAX_EVENTS_PER_ATHLETE,
  eventsCellOf,
  eventText,
  groupsOfAthlete,
  isRelay,
  readTeam,
  splitGenderedEvent,
} from "./team.js";
export type {
  PlanTrainingOptions,
  TrainingIntensity,
  TrainingPhase,
  TrainingPhaseId,
  TrainingPlan,
  TrainingSession,
  TrainingSlot,
  TrainingWeek,
} from "./trainingPlan.js";
export { DEFAULT_TAPER_DAYS, DEFAULT_TRAINING_SLOTS, planTraining, trainingContent } from "./trainingPlan.js";
