import { Caption1, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { Progress } from "../app/index.js";
import { useLang } from "./i18n/LangProvider.js";
import { useRowsRead } from "./progressChannel.js";

/** Sheets with at least this many rows get a rows-read line under the bar (smaller ones read at once). */
const LARGE_SHEET_ROWS = 2_000;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  detail: { color: tokens.colorNeutralForeground3 },
});

/**
 * The bar of a long run: the services' phase and step, and below it the rows read of a large sheet.
 * Before the first step it is indeterminate.
 *
 * @example {running && <ProgressView progress={progress} />}
 */
export function ProgressView(props: { progress: Progress | undefined }) {
  const { progress } = props;
  const { t } = useLang();
  const styles = useStyles();
  const rows = useRowsRead();
  const label =
    progress === undefined
      ? t("progress.starting")
      : progress.label === ""
        ? t(`progress.${progress.phase}Done`, { total: progress.total })
        : t(`progress.${progress.phase}`, {
            // The services count the steps done before this one.
            step: Math.min(progress.done + 1, progress.total),
            total: progress.total,
            label: progress.label,
          });
  const reading = rows !== undefined && rows.total >= LARGE_SHEET_ROWS && rows.done < rows.total;
  return (
    <div className={styles.root} data-testid="progress" role="status" aria-live="polite">
      <Field validationMessage={label} validationState="none">
        <ProgressBar
          thickness="large"
          {...(progress === undefined ? {} : { value: progress.fraction, max: 1 })}
        />
      </Field>
      {reading && (
        <Caption1 className={styles.detail}>
          {t("app.reading", {
            sheet: rows.sheet,
            done: rows.done.toLocaleString(),
            total: rows.total.toLocaleString(),
          })}
        </Caption1>
      )}
    </div>
  );
}
