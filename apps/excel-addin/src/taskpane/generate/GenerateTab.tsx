import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { IsoDate } from "@houqin/core";
import { useState } from "react";
import {
  type AddinHost,
  GENERATORS,
  type GenerateKind,
  type GenerateOutcome,
  type GenerateRequest,
  generate,
} from "../../app/index.js";
import { errorText } from "../errorText.js";
import { findingPlace } from "../findingPlace.js";
import { useLang } from "../i18n/LangProvider.js";
import { yieldToBrowser } from "../progressChannel.js";

/** The dates a generator takes, each optional (the services fall back to the settings). */
type DateParam = "from" | "to" | "meet" | "start";

/** Which dates each generator asks for; the order is the order on its card. */
const PARAMS: Readonly<Record<GenerateKind, readonly DateParam[]>> = {
  "safety-schedule": ["from", "to"],
  reconciliation: [],
  "canteen-settlement": [],
  "training-roster": ["meet", "start"],
};

/** How many notes and findings a result shows. */
const NOTES_SHOWN = 8;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  card: { width: "100%", boxSizing: "border-box" },
  description: { color: tokens.colorNeutralForeground3 },
  dates: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  footer: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXXS },
});

/**
 * The Generate tab: one card per generator (safety schedule, reconciliation, canteen settlement,
 * training roster) with its dates and a button; each result lists the new sheets and the notes.
 *
 * @example <GenerateTab host={host} />
 */
export function GenerateTab(props: { host: AddinHost }) {
  const { t } = useLang();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1 className={styles.intro}>{t("generate.intro")}</Body1>
      {GENERATORS.map((generator) => (
        <GeneratorCard key={generator.kind} host={props.host} generator={generator} />
      ))}
    </div>
  );
}

function GeneratorCard(props: { host: AddinHost; generator: (typeof GENERATORS)[number] }) {
  const { host, generator } = props;
  const { t, pick, lang } = useLang();
  const styles = useStyles();
  const params = PARAMS[generator.kind];
  const [dates, setDates] = useState<Record<DateParam, IsoDate | "">>({
    from: "",
    to: "",
    meet: "",
    start: "",
  });
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<GenerateOutcome | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const backwards = dates.from !== "" && dates.to !== "" && dates.to < dates.from;

  const run = async () => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      await yieldToBrowser();
      const request: GenerateRequest = { kind: generator.kind, lang };
      for (const param of params) {
        const value = dates[param];
        if (value !== "") request[param] = value;
      }
      setResult(await generate(host, request));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className={styles.card} size="small" data-testid={`generator-${generator.kind}`}>
      <CardHeader
        header={<Text weight="semibold">{pick(generator.title)}</Text>}
        description={<Caption1 className={styles.description}>{pick(generator.description)}</Caption1>}
      />
      {params.length > 0 && (
        <div className={styles.dates}>
          {params.map((param) => (
            <Field
              key={param}
              size="small"
              label={t(`generate.${param}`)}
              hint={param === "from" || param === "to" ? t("generate.optional") : t("generate.optionalDate")}
              {...(param === "to" && backwards
                ? { validationState: "error" as const, validationMessage: t("generate.badRange") }
                : {})}
            >
              <Input
                type="date"
                size="small"
                value={dates[param]}
                onChange={(_, data) => setDates((d) => ({ ...d, [param]: data.value }))}
                data-testid={`${generator.kind}-${param}`}
              />
            </Field>
          ))}
        </div>
      )}
      <div className={styles.footer}>
        <Button
          appearance="primary"
          size="small"
          disabled={busy || backwards}
          onClick={() => void run()}
          data-testid={`generate-${generator.kind}`}
        >
          {t("generate.run")}
        </Button>
        {busy && <Spinner size="extra-tiny" label={t("generate.running")} />}
      </div>
      {error !== undefined && (
        <MessageBar intent="error" layout="multiline" data-testid="generate-error">
          <MessageBarBody>
            <MessageBarTitle>{t("generate.failed")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && <GenerateResult outcome={result} />}
    </Card>
  );
}

function GenerateResult(props: { outcome: GenerateOutcome }) {
  const { outcome } = props;
  const { t } = useLang();
  const styles = useStyles();
  const written = outcome.sheets.length > 0;
  const all = [
    ...outcome.notes,
    ...outcome.findings.map((f) => {
      const place = findingPlace(f);
      return place === "" ? f.message : `${place} · ${f.message}`;
    }),
  ];
  // A long list of data problems belongs in the Check tab; the card shows the first few.
  const notes =
    all.length > NOTES_SHOWN
      ? [...all.slice(0, NOTES_SHOWN), t("generate.moreNotes", { count: all.length - NOTES_SHOWN })]
      : all;
  return (
    <MessageBar
      intent={written ? "success" : "warning"}
      layout="multiline"
      data-testid="generate-result"
      data-sheets={outcome.sheets.join("|")}
    >
      <MessageBarBody>
        {written ? t("generate.done", { sheets: outcome.sheets.join("、") }) : t("generate.nothing")}
        {notes.length > 0 && (
          <ul className={styles.list}>
            {notes.map((note, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes may repeat and never reorder
              <li key={i} className={styles.item}>
                {note}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
