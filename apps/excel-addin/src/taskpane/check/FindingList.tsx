import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Finding } from "@houqin/core";
import { useMemo, useState } from "react";
import { groupFindings } from "../../app/index.js";
import { useLang } from "../i18n/LangProvider.js";
import { SEVERITY_BADGE } from "./severityBadge.js";

/** How many findings of one sheet show before "show more": a long list must not slow the pane down. */
const PAGE = 100;

const useStyles = makeStyles({
  headerText: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  panel: { marginLeft: 0, marginRight: 0, paddingBottom: tokens.spacingVerticalS },
  sheet: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    marginTop: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  finding: {
    display: "flex",
    width: "100%",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ":disabled": { cursor: "default", backgroundColor: "transparent" },
    ...createFocusOutlineStyle(),
  },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    boxShadow: `inset 2px 0 0 ${tokens.colorBrandStroke1}`,
  },
  cell: {
    flexShrink: 0,
    minWidth: "44px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorBrandForeground1,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    textAlign: "center",
  },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  message: { overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  more: { marginTop: tokens.spacingVerticalXS },
});

/**
 * Findings grouped by severity (errors first) and then by sheet, each a button that selects its cell.
 *
 * @example <FindingList findings={outcome.findings} onSelect={(f) => host.select(f.sheet, f.cell)} />
 */
export function FindingList(props: {
  findings: readonly Finding[];
  selected: Finding | undefined;
  onSelect: (finding: Finding) => void;
}) {
  const { findings, selected, onSelect } = props;
  const { t } = useLang();
  const styles = useStyles();
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const [open, setOpen] = useState<string[]>(() => groups.map((g) => g.severity));
  return (
    <Accordion
      multiple
      collapsible
      openItems={open}
      onToggle={(_, data) => setOpen(data.openItems.map(String))}
      data-testid="finding-groups"
    >
      {groups.map((group) => (
        <AccordionItem key={group.severity} value={group.severity} data-testid={`group-${group.severity}`}>
          <AccordionHeader size="small">
            <span className={styles.headerText}>
              {t(`severity.${group.severity}`)}
              <Badge size="small" appearance="tint" shape="rounded" color={SEVERITY_BADGE[group.severity]}>
                {group.count}
              </Badge>
            </span>
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {group.sheets.map((sheet) => (
              <SheetFindings
                key={sheet.sheet}
                sheet={sheet.sheet}
                findings={sheet.findings}
                selected={selected}
                onSelect={onSelect}
              />
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

function SheetFindings(props: {
  sheet: string;
  findings: readonly Finding[];
  selected: Finding | undefined;
  onSelect: (finding: Finding) => void;
}) {
  const { sheet, findings, selected, onSelect } = props;
  const { t } = useLang();
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  const rest = findings.length - shown;
  return (
    <section aria-label={sheet || t("check.workbook")}>
      <div className={styles.sheet}>
        <span>{sheet || t("check.workbook")}</span>
        <span>{findings.length}</span>
      </div>
      <ul className={styles.list}>
        {findings.slice(0, shown).map((finding, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a run's list never reorders; a rule may repeat at a cell
          <li key={i}>
            <FindingItem finding={finding} selected={finding === selected} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <Button
          className={styles.more}
          appearance="transparent"
          size="small"
          onClick={() => setShown((n) => n + PAGE)}
        >
          {t("check.more", { count: Math.min(rest, PAGE) })}
        </Button>
      )}
    </section>
  );
}

function FindingItem(props: { finding: Finding; selected: boolean; onSelect: (finding: Finding) => void }) {
  const { finding, selected, onSelect } = props;
  const { t } = useLang();
  const styles = useStyles();
  const where =
    finding.sheet === undefined ? undefined : { sheet: finding.sheet, cell: finding.cell ?? "A1" };
  // The rule id is for whoever maintains the checks: a tooltip, not text a clerk has to read.
  const title = where ? `${t("check.goTo", where)}\n${finding.rule}` : finding.rule;
  return (
    <button
      type="button"
      className={mergeClasses(styles.finding, selected && styles.selected)}
      disabled={where === undefined}
      aria-current={selected ? "true" : undefined}
      title={title}
      onClick={() => onSelect(finding)}
      data-testid="finding"
      data-severity={finding.severity}
      data-rule={finding.rule}
      data-sheet={finding.sheet}
      data-cell={finding.cell}
    >
      <span className={styles.cell}>{finding.cell ?? "—"}</span>
      <span className={styles.body}>
        <span className={styles.message}>{finding.message}</span>
        {finding.clause !== undefined && (
          <Caption1 className={styles.meta}>{t("check.clause", { clause: finding.clause })}</Caption1>
        )}
      </span>
    </button>
  );
}
