export { checkProjects, projectsCheck } from "./checkProjects.js";
export type {
  PlanDurations,
  PlannedStep,
  PlanProjectOptions,
  PlanStep,
  PlanStepId,
  ProjectPlan,
} from "./planProject.js";
export { DEFAULT_PLAN_DURATIONS, PLAN_STEPS, planProject } from "./planProject.js";
export { procurement } from "./procurementModule.js";
export type { ProjectSettings } from "./projectSettings.js";
export {
  DEFAULT_PROCUREMENT_THRESHOLD,
  DEFAULT_SETTLEMENT_DAYS,
  readProjectSettings,
} from "./projectSettings.js";
export type { ProjectStage, ProjectStageId } from "./projectStages.js";
export { PROJECT_STAGES } from "./projectStages.js";
export type { ProjectCategory, ProjectPeriod } from "./projects.js";
export { projects } from "./projects.js";
