import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Option,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { type Finding, type Lang, SEVERITIES } from "@houqin/core";
import { useRef, useState } from "react";
import {
  type AddinHost,
  type CheckOutcome,
  clearMarks,
  DOMAINS,
  type Progress,
  runCheck,
  writeCheckResults,
} from "../../app/index.js";
import { errorText } from "../errorText.js";
import { useLang } from "../i18n/LangProvider.js";
import type { MessageKey } from "../i18n/messages.js";
import { ProgressView } from "../ProgressView.js";
import { yieldToBrowser } from "../progressChannel.js";
import { FindingList } from "./FindingList.js";
import { SEVERITY_BADGE } from "./severityBadge.js";

const ALL = "all";

/** A message bar's content: its intent, an optional title and the text. */
interface Notice {
  intent: "success" | "error" | "info" | "warning";
  title?: string;
  text: string;
  testId: string;
}

/** The last finished run: its outcome, the language its messages are in, and what it covered. */
interface Run {
  id: number;
  outcome: CheckOutcome;
  lang: Lang;
  domain: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  controls: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  scope: { flexGrow: 1, minWidth: 0 },
  dropdown: { minWidth: "0", width: "100%" },
  summary: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  tables: { color: tokens.colorNeutralForeground3, marginLeft: "auto" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * The Check tab: choose all domains or one, run the checks with a progress bar, see the findings by
 * severity and sheet, click one to select its cell, write the 检查结果 sheet and marks, clear them.
 *
 * @example <CheckTab host={host} />
 */
export function CheckTab(props: { host: AddinHost }) {
  const { host } = props;
  const { t, pick, lang } = useLang();
  const styles = useStyles();
  const [domain, setDomain] = useState<string>(ALL);
  const [busy, setBusy] = useState<"check" | "write" | "clear" | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [run, setRun] = useState<Run | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [selected, setSelected] = useState<Finding | undefined>(undefined);
  const runs = useRef(0);

  const domainTitle = (id: string) => {
    const found = DOMAINS.find((d) => d.id === id);
    return found ? pick(found.title) : t("check.all");
  };

  const check = async (scope: string, runLang: Lang) => {
    setBusy("check");
    setNotice(undefined);
    setProgress(undefined);
    setSelected(undefined);
    try {
      await yieldToBrowser();
      const outcome = await runCheck(host, {
        lang: runLang,
        ...(scope === ALL ? {} : { domain: scope }),
        onProgress: setProgress,
      });
      runs.current += 1;
      setRun({ id: runs.current, outcome, lang: runLang, domain: scope });
    } catch (error) {
      setNotice({ intent: "error", title: t("check.failed"), text: errorText(error), testId: "check-error" });
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  };

  const act = async (
    kind: "write" | "clear",
    action: () => Promise<Notice>,
    failed: MessageKey,
  ): Promise<void> => {
    setBusy(kind);
    setNotice(undefined);
    try {
      setNotice(await action());
    } catch (error) {
      setNotice({ intent: "error", title: t(failed), text: errorText(error), testId: `${kind}-error` });
    } finally {
      setBusy(undefined);
    }
  };

  const write = (current: Run) =>
    act(
      "write",
      async () => {
        const written = await writeCheckResults(host, current.outcome, current.lang);
        const reports = written.reportSheets.length
          ? ` ${t("check.writtenReports", { sheets: written.reportSheets.join("、") })}`
          : "";
        return {
          intent: "success",
          text:
            t("check.written", {
              sheet: written.sheet,
              findings: written.findings,
              marked: written.markedCells,
            }) + reports,
          testId: "write-result",
        };
      },
      "check.writeFailed",
    );

  const clear = () =>
    act(
      "clear",
      async () => ({
        intent: "success",
        text: t("check.cleared", { count: await clearMarks(host) }),
        testId: "clear-result",
      }),
      "check.clearFailed",
    );

  const select = async (finding: Finding) => {
    if (finding.sheet === undefined) return;
    setSelected(finding);
    try {
      await host.select(finding.sheet, finding.cell ?? "A1");
    } catch (error) {
      setNotice({
        intent: "error",
        title: t("check.selectFailed"),
        text: errorText(error),
        testId: "select-error",
      });
    }
  };

  const summary = run?.outcome.summary;
  return (
    <div className={styles.root}>
      {!run && <Body1 className={styles.intro}>{t("check.intro")}</Body1>}
      <div className={styles.controls}>
        <Field label={t("check.scope")} className={styles.scope} size="small">
          <Dropdown
            className={styles.dropdown}
            size="small"
            value={domainTitle(domain)}
            selectedOptions={[domain]}
            onOptionSelect={(_, data) => setDomain(data.optionValue ?? ALL)}
            disabled={busy !== undefined}
            data-testid="domain-select"
          >
            <Option value={ALL}>{t("check.all")}</Option>
            {DOMAINS.map((d) => (
              <Option key={d.id} value={d.id}>
                {pick(d.title)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button
          appearance="primary"
          {...(busy === "check"
            ? { icon: <Spinner size="extra-tiny" />, "aria-label": t("check.running") }
            : {})}
          onClick={() => void check(domain, lang)}
          disabled={busy !== undefined}
          data-testid="check-button"
        >
          {t("check.run")}
        </Button>
      </div>

      {busy === "check" && <ProgressView progress={progress} />}

      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid={notice.testId}>
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      )}

      {run && summary && (
        <div className={styles.summary} data-testid="summary">
          {SEVERITIES.map((severity) => (
            <Badge
              key={severity}
              appearance={summary[severity] > 0 ? "tint" : "outline"}
              color={summary[severity] > 0 ? SEVERITY_BADGE[severity] : "subtle"}
              data-testid={`summary-${severity}`}
              data-count={summary[severity]}
            >
              {t(`severity.${severity}`)} {summary[severity]}
            </Badge>
          ))}
          <Caption1 className={styles.tables}>
            {t("check.tablesChecked", { count: run.outcome.tables.length })}
          </Caption1>
        </div>
      )}

      <div className={styles.actions}>
        {run && (
          <Button
            size="small"
            onClick={() => void write(run)}
            disabled={busy !== undefined}
            data-testid="write-button"
          >
            {t("check.write")}
          </Button>
        )}
        <Button
          size="small"
          appearance={run ? "secondary" : "subtle"}
          onClick={() => void clear()}
          disabled={busy !== undefined}
          data-testid="clear-button"
        >
          {t("check.clear")}
        </Button>
      </div>

      {run && run.lang !== lang && (
        <MessageBar intent="info" layout="multiline" data-testid="lang-stale">
          <MessageBarBody>{t("check.langStale")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void check(run.domain, lang)} disabled={busy !== undefined}>
              {t("check.rerun")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {run &&
        (run.outcome.findings.length === 0 ? (
          <MessageBar intent="success" data-testid="no-findings">
            <MessageBarBody>{t("check.none")}</MessageBarBody>
          </MessageBar>
        ) : (
          <FindingList
            key={run.id}
            findings={run.outcome.findings}
            selected={selected}
            onSelect={(f) => void select(f)}
          />
        ))}
    </div>
  );
}
