import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Lang } from "@houqin/core";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  type AddinHost,
  type KindOption,
  listTables,
  type Progress,
  type TableView,
} from "../../app/index.js";
import { errorText } from "../errorText.js";
import { findingPlace } from "../findingPlace.js";
import { useLang } from "../i18n/LangProvider.js";
import { ProgressView } from "../ProgressView.js";
import { yieldToBrowser } from "../progressChannel.js";
import { TableEditor } from "./TableEditor.js";

/** What the last listing found, and the language its findings are in. */
interface Listing {
  tables: TableView[];
  kinds: KindOption[];
  findings: Finding[];
  lang: Lang;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  bar: { display: "flex", alignItems: "center", justifyContent: "space-between" },
  count: { color: tokens.colorNeutralForeground3 },
  header: { display: "flex", flexDirection: "column", minWidth: 0, gap: tokens.spacingVerticalXXS },
  title: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  sheet: { fontWeight: tokens.fontWeightSemibold },
  rows: { color: tokens.colorNeutralForeground3 },
  panel: { marginLeft: 0, marginRight: 0 },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The Tables tab: the tables houqin recognised, each expandable to its kind, header row and
 * field→column mapping, which the user can change and save into the 设置 sheet. Loads when first
 * shown, again on "Refresh" and after a save. A language switch reads nothing again (kind titles are
 * bilingual); notes in the other language get a bar offering to refresh.
 *
 * @example <TablesTab host={host} active={tab === "tables"} />
 */
export function TablesTab(props: { host: AddinHost; active: boolean }) {
  const { host, active } = props;
  const { t, pick, lang } = useLang();
  const styles = useStyles();
  const [listing, setListing] = useState<Listing | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<string[]>([]);
  const loads = useRef(0);

  const load = useCallback(async () => {
    const id = ++loads.current;
    setLoading(true);
    setError(undefined);
    setProgress(undefined);
    try {
      await yieldToBrowser();
      const result = await listTables(host, {
        lang,
        onProgress: (p) => id === loads.current && setProgress(p),
      });
      if (id !== loads.current) return;
      setListing({
        tables: result.tables,
        kinds: result.kinds,
        findings: result.findings,
        lang,
      });
    } catch (e) {
      if (id === loads.current) setError(errorText(e));
    } finally {
      if (id === loads.current) setLoading(false);
    }
  }, [host, lang]);

  // First shown. A language switch does not read the workbook again: see the bar below the tables.
  useEffect(() => {
    if (active && !loading && listing === undefined && error === undefined) void load();
  }, [active, listing, loading, error, load]);

  const notesStale = listing !== undefined && listing.findings.length > 0 && listing.lang !== lang;

  return (
    <div className={styles.root}>
      <Body1 className={styles.intro}>{t("tables.intro")}</Body1>
      <div className={styles.bar}>
        <Caption1 className={styles.count} data-testid="tables-count">
          {listing && !loading ? t("tables.count", { count: listing.tables.length }) : ""}
        </Caption1>
        <Button size="small" onClick={() => void load()} disabled={loading} data-testid="tables-refresh">
          {t("tables.refresh")}
        </Button>
      </div>

      {loading && <ProgressView progress={progress} />}

      {error !== undefined && (
        <MessageBar intent="error" layout="multiline" data-testid="tables-error">
          <MessageBarBody>
            <MessageBarTitle>{t("tables.loadFailed")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}

      {listing && listing.tables.length === 0 && !loading && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("tables.none")}</MessageBarBody>
        </MessageBar>
      )}

      {listing && listing.tables.length > 0 && (
        <Accordion
          collapsible
          openItems={open}
          onToggle={(_, data) => setOpen(data.openItems.map(String))}
          data-testid="tables"
        >
          {listing.tables.map((table, index) => {
            // The nth table of its sheet: stays the same item (and stays open) when a save moves its header.
            const nth = listing.tables.slice(0, index).filter((other) => other.sheet === table.sheet).length;
            const key = `${table.sheet}\u0000${nth}`;
            return (
              <AccordionItem
                key={key}
                value={key}
                data-testid="table"
                data-sheet={table.sheet}
                data-kind={table.kind}
              >
                <AccordionHeader size="small">
                  <span className={styles.header}>
                    <span className={styles.title}>
                      <span className={styles.sheet}>{table.sheet}</span>
                      {table.overridden && (
                        <Badge size="small" appearance="tint" color="brand">
                          {t("tables.overridden")}
                        </Badge>
                      )}
                    </span>
                    <Caption1 className={styles.rows}>
                      {pick(table.kindTitle)} ·{" "}
                      {table.lastRow >= table.firstRow
                        ? t("tables.rows", {
                            header: table.headerRow,
                            first: table.firstRow,
                            last: table.lastRow,
                          })
                        : t("tables.noRows", { header: table.headerRow })}
                    </Caption1>
                  </span>
                </AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  {open.includes(key) && (
                    <TableEditor
                      host={host}
                      table={table}
                      kinds={listing.kinds}
                      onSaved={() => void load()}
                    />
                  )}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}

      {notesStale && (
        <MessageBar intent="info" layout="multiline" data-testid="tables-lang-stale">
          <MessageBarBody>{t("tables.langStale")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void load()} disabled={loading}>
              {t("tables.refresh")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {listing && listing.findings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="tables-notes">
          <MessageBarBody>
            <MessageBarTitle>{t("tables.notes")}</MessageBarTitle>
            <ul className={styles.notes}>
              {listing.findings.slice(0, 20).map((f, i) => {
                const place = findingPlace(f);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced, never reordered
                  <li key={i}>{place === "" ? f.message : `${place} · ${f.message}`}</li>
                );
              })}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
