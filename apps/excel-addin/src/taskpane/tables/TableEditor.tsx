import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Option,
  OptionGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { columnNumber } from "@houqin/workbook";
import { useEffect, useState } from "react";
import { type AddinHost, DOMAINS, type KindOption, saveMapping, type TableView } from "../../app/index.js";
import { errorText } from "../errorText.js";
import { useLang } from "../i18n/LangProvider.js";

/** The user's edits of one table: its kind, header row (as typed) and column letters by field. */
interface Draft {
  kind: string;
  headerRow: string;
  columns: Record<string, string>;
}

const ROW_RE = /^[1-9]\d{0,6}$/;

function draftOf(table: TableView): Draft {
  return {
    kind: table.kind,
    headerRow: String(table.headerRow),
    columns: Object.fromEntries(table.fields.map((f) => [f.key, f.column ?? ""])),
  };
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  top: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 80px", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: "0", width: "100%" },
  fill: { minWidth: "0", width: "100%", boxSizing: "border-box" },
  fields: { width: "100%", borderCollapse: "collapse" },
  th: {
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  td: {
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    fontSize: tokens.fontSizeBase300,
    verticalAlign: "middle",
  },
  columnCell: { width: "72px", textAlign: "end" },
  required: { color: tokens.colorPaletteRedForeground1, marginLeft: tokens.spacingHorizontalXXS },
  column: { width: "64px", minWidth: "0" },
  columnInput: { textTransform: "uppercase", fontFamily: tokens.fontFamilyMonospace, textAlign: "center" },
  invalid: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/**
 * Edits one recognised table: its kind (a dropdown of the kinds by domain), its header row and the
 * column letter of each field; "Save" writes the correction into the 设置 sheet through the services.
 *
 * @example <TableEditor host={host} table={table} kinds={kinds} onSaved={reload} />
 */
export function TableEditor(props: {
  host: AddinHost;
  table: TableView;
  kinds: readonly KindOption[];
  onSaved: () => void;
}) {
  const { host, table, kinds, onSaved } = props;
  const { t, pick, lang } = useLang();
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(table));
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  // A new listing (after a save or a refresh) replaces the draft.
  useEffect(() => setDraft(draftOf(table)), [table]);

  const original = draftOf(table);
  const kindChanged = draft.kind !== table.kind;
  const badRow = !ROW_RE.test(draft.headerRow.trim());
  const badColumns = table.fields.filter((f) => {
    const value = (draft.columns[f.key] ?? "").trim().toUpperCase();
    return value !== "" && columnNumber(value) === undefined;
  });
  const dirty = JSON.stringify(draft) !== JSON.stringify(original);
  const kindTitle = (id: string) => {
    const kind = kinds.find((k) => k.id === id);
    return kind ? pick(kind.title) : id;
  };
  const domainsWithKinds = DOMAINS.map((d) => ({
    domain: d,
    kinds: kinds.filter((k) => k.domain === d.id),
  })).filter((g) => g.kinds.length > 0);

  const save = async () => {
    setSaving(true);
    setNotice(undefined);
    try {
      // Only what the user changed: a field left alone keeps being found by its header.
      const columns: Record<string, string | null> = {};
      if (!kindChanged)
        for (const f of table.fields) {
          const value = (draft.columns[f.key] ?? "").trim().toUpperCase();
          if (value !== (f.column ?? "")) columns[f.key] = value === "" ? null : value;
        }
      const headerRow = Number(draft.headerRow.trim());
      const saved = await saveMapping(host, {
        sheet: table.sheet,
        kind: draft.kind,
        ...(headerRow === table.headerRow ? {} : { headerRow }),
        columns,
        lang,
      });
      setNotice({
        ok: true,
        text: t("tables.saved", { sheet: saved.settingsSheet, cells: saved.cells.join(", ") }),
      });
      onSaved();
    } catch (error) {
      setNotice({ ok: false, text: errorText(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.root} data-testid="table-editor">
      <div className={styles.top}>
        <Field label={t("tables.kind")} size="small">
          <Dropdown
            className={styles.dropdown}
            size="small"
            value={kindTitle(draft.kind)}
            selectedOptions={[draft.kind]}
            onOptionSelect={(_, data) =>
              data.optionValue && setDraft((d) => ({ ...d, kind: data.optionValue as string }))
            }
            data-testid="kind-select"
          >
            {domainsWithKinds.map((group) => (
              <OptionGroup key={group.domain.id} label={pick(group.domain.title)}>
                {group.kinds.map((k) => (
                  <Option key={k.id} value={k.id} text={pick(k.title)}>
                    {pick(k.title)}
                  </Option>
                ))}
              </OptionGroup>
            ))}
          </Dropdown>
        </Field>
        <Field
          label={t("tables.headerRow")}
          size="small"
          {...(badRow
            ? { validationState: "error" as const, validationMessage: t("tables.badHeaderRow") }
            : {})}
        >
          <Input
            className={styles.fill}
            input={{ className: styles.fill }}
            size="small"
            inputMode="numeric"
            value={draft.headerRow}
            onChange={(_, data) => setDraft((d) => ({ ...d, headerRow: data.value }))}
            data-testid="header-row"
          />
        </Field>
      </div>

      {kindChanged ? (
        <Caption1 className={styles.hint}>{t("tables.kindChanged")}</Caption1>
      ) : (
        <table className={styles.fields}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {t("tables.field")}
              </th>
              <th className={`${styles.th} ${styles.columnCell}`} scope="col">
                {t("tables.column")}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.fields.map((f) => {
              const value = draft.columns[f.key] ?? "";
              const invalid = badColumns.includes(f);
              const title = pick(f.title);
              return (
                <tr key={f.key} data-testid="field" data-field={f.key} data-column={f.column ?? ""}>
                  <td className={styles.td}>
                    <span className={invalid ? styles.invalid : undefined}>{title}</span>
                    {f.required && (
                      <span className={styles.required} title={t("tables.required")}>
                        *
                      </span>
                    )}
                  </td>
                  <td className={`${styles.td} ${styles.columnCell}`}>
                    <Input
                      className={styles.column}
                      input={{ className: styles.columnInput }}
                      size="small"
                      appearance="underline"
                      value={value}
                      placeholder="—"
                      maxLength={3}
                      aria-label={`${title} · ${t("tables.column")}`}
                      aria-invalid={invalid}
                      title={
                        invalid ? t("tables.badColumn") : value === "" ? t("tables.unmapped") : undefined
                      }
                      onChange={(_, data) =>
                        setDraft((d) => ({
                          ...d,
                          columns: { ...d.columns, [f.key]: data.value.toUpperCase() },
                        }))
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {badColumns.length > 0 && <Caption1 className={styles.invalid}>{t("tables.badColumn")}</Caption1>}

      <div className={styles.actions}>
        <Button
          appearance="primary"
          size="small"
          disabled={!dirty || saving || badRow || badColumns.length > 0}
          onClick={() => void save()}
          data-testid="save-mapping"
        >
          {t("tables.save")}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          disabled={!dirty || saving}
          onClick={() => setDraft(original)}
        >
          {t("tables.reset")}
        </Button>
        {saving && <Spinner size="extra-tiny" />}
      </div>

      {notice && (
        <MessageBar intent={notice.ok ? "success" : "error"} layout="multiline" data-testid="save-result">
          <MessageBarBody>
            {!notice.ok && <MessageBarTitle>{t("tables.saveFailed")}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
