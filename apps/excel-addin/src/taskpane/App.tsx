import { Button, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { AddinHost } from "../app/index.js";
import { CheckTab } from "./check/CheckTab.js";
import { GenerateTab } from "./generate/GenerateTab.js";
import { useLang } from "./i18n/LangProvider.js";
import { TablesTab } from "./tables/TablesTab.js";

/** The task pane's sections, in the order of the tab list. */
export type TabId = "tables" | "check" | "generate";

const TABS: readonly TabId[] = ["tables", "check", "generate"];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tabs: { minWidth: 0 },
  lang: { flexShrink: 0, minWidth: "auto" },
  panel: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
});

/**
 * The task pane: a tab list (表格 Tables / 检查 Check / 生成 Generate) and the language switch. The
 * panels stay mounted when hidden, so a check's findings are still there after a look at the tables.
 *
 * @example <LangProvider storage={localStorage}><App host={host} /></LangProvider>
 */
export function App(props: { host: AddinHost; initialTab?: TabId }) {
  const { host, initialTab = "check" } = props;
  const { t, lang, setLang } = useLang();
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(initialTab);
  // Screen readers and fonts follow the page's language.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <div className={styles.root} lang={lang}>
      <header className={styles.header}>
        <TabList
          className={styles.tabs}
          size="medium"
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as TabId)}
          aria-label={t("tab.label")}
        >
          {TABS.map((id) => (
            <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`} data-testid={`tab-${id}`}>
              {t(`tab.${id}`)}
            </Tab>
          ))}
        </TabList>
        <Button
          className={styles.lang}
          appearance="subtle"
          size="small"
          aria-label={t("lang.switchLabel")}
          title={t("lang.switchLabel")}
          onClick={() => setLang(lang === "en" ? "zh-CN" : "en")}
          data-testid="lang-switch"
        >
          {t("lang.switch")}
        </Button>
      </header>
      {TABS.map((id) => (
        <div
          key={id}
          id={`panel-${id}`}
          role="tabpanel"
          aria-labelledby={`tab-${id}`}
          hidden={tab !== id}
          className={styles.panel}
        >
          {id === "tables" && <TablesTab host={host} active={tab === "tables"} />}
          {id === "check" && <CheckTab host={host} />}
          {id === "generate" && <GenerateTab host={host} />}
        </div>
      ))}
    </div>
  );
}
