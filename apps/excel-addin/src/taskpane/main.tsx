import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStaticStyles,
  makeStyles,
  Spinner,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import type { AddinHost } from "../app/index.js";
import { registerFunctions } from "../functions/register.js";
import { OfficeWorkbook } from "../office/officeWorkbook.js";
import { App } from "./App.js";
import { errorText } from "./errorText.js";
import { LangProvider, useLang } from "./i18n/LangProvider.js";
import type { LangStorage } from "./i18n/storedLang.js";
import {
  createProgressChannel,
  type ProgressChannel,
  type RowsRead,
  RowsReadContext,
} from "./progressChannel.js";
import { shanghaiToday } from "./shanghaiToday.js";

const useStaticStyles = makeStaticStyles({
  "html, body": { margin: 0, padding: 0, height: "100%" },
});

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
  waiting: {
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

/**
 * Opens the workbook of the Excel this page runs in, behind the services' host: the Office.js adapter
 * (few round trips, chunked reads reported to `rows`), cell selection, and the school's date.
 */
async function openHost(rows: ProgressChannel<RowsRead>): Promise<AddinHost> {
  const workbook = await OfficeWorkbook.open((batch) => Excel.run(batch), {
    onReadProgress: (p) => rows.emit({ sheet: p.sheet, done: p.rowsRead, total: p.rowCount }),
    // Excel 2021 and older have no notes: a mark is then a fill only.
    notes: Office.context.requirements.isSetSupported("ExcelApi", "1.18"),
  });
  return {
    workbook,
    select: (sheet, cell) => workbook.select(sheet, cell),
    today: () => shanghaiToday(new Date()),
  };
}

type HostState =
  | { state: "opening" }
  | { state: "open"; host: AddinHost }
  | { state: "failed"; reason: string };

/** Waits for the workbook, then shows the task pane (or why it cannot). */
function Pane(props: { opening: Promise<AddinHost> | undefined }) {
  const { opening } = props;
  const { t } = useLang();
  const styles = useStyles();
  const [host, setHost] = useState<HostState>({ state: "opening" });
  useEffect(() => {
    let live = true;
    opening?.then(
      (opened) => live && setHost({ state: "open", host: opened }),
      (error: unknown) => live && setHost({ state: "failed", reason: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [opening]);

  if (opening === undefined || host.state === "failed")
    return (
      <div className={styles.waiting}>
        <MessageBar intent={opening ? "error" : "warning"} layout="multiline" data-testid="open-error">
          <MessageBarBody>
            <MessageBarTitle>{t("app.openFailed")}</MessageBarTitle>
            {host.state === "failed" ? host.reason : t("app.notExcel")}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  if (host.state === "opening")
    return (
      <div className={styles.waiting}>
        <Spinner size="small" label={t("app.opening")} />
      </div>
    );
  return <App host={host.host} />;
}

function Root(props: {
  opening: Promise<AddinHost> | undefined;
  rows: ProgressChannel<RowsRead>;
  storage: LangStorage | undefined;
}) {
  useStaticStyles();
  const styles = useStyles();
  return (
    <LangProvider storage={props.storage}>
      <FluentProvider theme={webLightTheme} className={styles.provider}>
        <RowsReadContext.Provider value={props.rows}>
          <Pane opening={props.opening} />
        </RowsReadContext.Provider>
      </FluentProvider>
    </LangProvider>
  );
}

/** `localStorage`, or undefined where the host forbids it (reading the property itself may throw). */
function localStorageOrUndefined(): LangStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

async function start(): Promise<void> {
  const info = await Office.onReady();
  const inExcel = info.host === Office.HostType.Excel;
  const rows = createProgressChannel<RowsRead>();
  let opening: Promise<AddinHost> | undefined;
  if (inExcel) {
    try {
      // The shared runtime: this page also hosts the HOUQIN custom functions.
      registerFunctions();
    } catch (error) {
      console.error("houqin: custom functions not registered", error);
    }
    opening = openHost(rows);
  }
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root");
  createRoot(container).render(
    <StrictMode>
      <Root opening={opening} rows={rows} storage={localStorageOrUndefined()} />
    </StrictMode>,
  );
}

void start();
