import { type Bilingual, type Lang, localize } from "@houqin/core";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { MESSAGES, type MessageKey } from "./messages.js";
import { type LangStorage, rememberLang, storedLang } from "./storedLang.js";

/** The task pane's language and its translator. */
export interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A message of {@link MESSAGES} in the current language, its `{name}` placeholders filled. */
  t(key: MessageKey, params?: Readonly<Record<string, unknown>>): string;
  /** Any bilingual text (a kind's or domain's title from the services) in the current language. */
  pick(text: Bilingual, params?: Readonly<Record<string, unknown>>): string;
}

const LangContext = createContext<LangState | undefined>(undefined);

/**
 * Holds the task pane's language: Chinese first, the user's last choice remembered in storage.
 *
 * @example <LangProvider storage={window.localStorage}><App host={host} /></LangProvider>
 */
export function LangProvider(props: { storage: LangStorage | undefined; children: ReactNode }) {
  const { storage, children } = props;
  const [lang, setLangState] = useState<Lang>(() => storedLang(storage));
  const setLang = useCallback(
    (next: Lang) => {
      rememberLang(storage, next);
      setLangState(next);
    },
    [storage],
  );
  const value = useMemo<LangState>(
    () => ({
      lang,
      setLang,
      t: (key, params) => localize(MESSAGES[key], lang, params),
      pick: (text, params) => localize(text, lang, params),
    }),
    [lang, setLang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/**
 * The current language, a setter and the translator; the chrome re-renders at once on a switch.
 *
 * @example const { t } = useLang(); <Button>{t("check.run")}</Button>
 */
export function useLang(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error("useLang() outside <LangProvider>");
  return state;
}
