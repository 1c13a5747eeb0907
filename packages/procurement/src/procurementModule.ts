import type { HouqinModule } from "@houqin/workbook";
import { projectsCheck } from "./checkProjects.js";
import { projects } from "./projects.js";

/**
 * The procurement domain as the apps load it: the project register and its check (三(二)4).
 *
 * @example
 * const report = await runChecks(workbook, { modules: [procurement], today: "2024-06-03" });
 */
export const procurement: HouqinModule = {
  id: "procurement",
  title: { "zh-CN": "基建与装备项目", en: "Projects and procurement" },
  kinds: [projects],
  checks: [projectsCheck],
};
