import type { Random } from "./random.js";

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金贾";
const GIVEN =
  "子涵浩宇梓轩欣怡雨桐一诺佳怡思远俊杰嘉豪诗琪晨曦天佑若汐沐阳语嫣博文锦程可馨铭泽书瑶明轩安琪宇航心悦昊然紫萱";

/** A Chinese pupil's name: a surname and one or two given characters. */
export function studentName(random: Random): string {
  const surname = random.pick([...SURNAMES]);
  const given = [...GIVEN];
  return surname + random.pick(given) + (random.chance(0.7) ? random.pick(given) : "");
}

const GRADES = ["一", "二", "三", "四", "五", "六"] as const;

/** The classes of a primary school, e.g. "三(2)班", with `perGrade` classes in each of six grades. */
export function primaryClasses(perGrade: number): string[] {
  return GRADES.flatMap((g) => Array.from({ length: perGrade }, (_, i) => `${g}(${i + 1})班`));
}
