import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons/lib/atoms/svg/dismiss';
import type { CheckResult } from '../core/engine';
import { reverseFixes, type Fix } from '../core/fixes';
import { DEFAULT_PROFILE, type Profile } from '../core/profile';
import { profileDifferences } from '../core/profileDiff';
import { toCsv, toJsonReport } from '../core/report';
import type { Lang, Localized } from '../core/types';
import type { ExcelHost, HeaderChoice, SheetState, ValidateOutcome } from '../office/host';
import { Actions } from './components/Actions';
import { Header } from './components/Header';
import { Results } from './components/Results';
import { Busy } from './components/Busy';
import { LazySettings, loadSettings } from './components/LazySettings';
import { ViewTabs } from './components/ViewTabs';
import { OtherSheetNote, SheetCard, type PaneSheet } from './components/SheetCard';
import { ProfileNote } from './components/ProfileNote';
import { exportText, reportFileName } from './download';
import { ExportText } from './components/ExportText';
import { isDirty } from './settingsForm';
import { storeLang, takeCommandError, workbookName, type PaneEnv } from './env';
import { p, type PaneKey } from './strings';

export type Task = 'load' | 'validate' | 'summary' | 'clear' | 'save' | 'fix' | 'undo';

const TASK_LABEL: Record<Task, PaneKey> = {
  load: 'loading',
  validate: 'validating',
  summary: 'inserting',
  clear: 'clearing',
  save: 'saving',
  fix: 'fixing',
  undo: 'undoing',
};

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  body: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px' },
  status: { minHeight: '24px', display: 'flex', flexDirection: 'column' },
});

function both(key: PaneKey, data: Record<string, string | number> = {}): Localized {
  return { ja: p(key, 'ja', data), en: p(key, 'en', data) };
}

/** A HostError (or anything carrying ja/en text) as the message bar shows it. */
function toMessage(e: unknown): Localized {
  if (e && typeof e === 'object' && typeof (e as Localized).ja === 'string' && typeof (e as Localized).en === 'string') {
    return { ja: (e as Localized).ja, en: (e as Localized).en };
  }
  const message = e instanceof Error ? e.message : String(e);
  return both('unexpected', { message });
}

export interface AppProps {
  host: ExcelHost;
  env: PaneEnv;
}

export function App({ host, env }: AppProps) {
  const styles = useStyles();
  const [lang, setLangState] = useState<Lang>(env.lang);
  const [view, setView] = useState<'results' | 'settings'>('results');
  const [sheet, setSheet] = useState<PaneSheet | null>(null);
  const [profile, setProfile] = useState<Profile>(DEFAULT_PROFILE);
  /** Why the profile saved in the workbook is not used (it is not valid): the default is in force. */
  const [profileErrors, setProfileErrors] = useState<string[]>([]);
  /** Settings edited and not saved yet: kept across tab changes, lost only on Cancel or reset. */
  const [draft, setDraft] = useState<Profile | null>(null);
  const dirty = isDirty(draft, profile);
  /** What the profile in force changes, when it is the workbook's own (the default is DEFAULT_PROFILE itself). */
  const differences = useMemo(() => (profile === DEFAULT_PROFILE ? null : profileDifferences(profile)), [profile]);
  /** The header cells Settings maps (undefined until read for the sheet the card names). */
  const [choice, setChoice] = useState<HeaderChoice | null | undefined>(undefined);
  const choiceFor = useRef<string | null>(null);
  const [outcome, setOutcome] = useState<ValidateOutcome | null>(null);
  /** What the engine found on the active sheet before any validation (nothing painted). */
  const [inspected, setInspected] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<Task | null>(null);
  const [error, setError] = useState<Localized | null>(null);
  const [notice, setNotice] = useState<Localized | null>(null);
  /** What the last validation could not do (highlights on a protected sheet); stays until the next one. */
  const [warning, setWarning] = useState<Localized | null>(null);
  /** What the last quick fix wrote (sheet and fixes), for 元に戻す. */
  const [undo, setUndo] = useState<{ sheet: string; fixes: Fix[] } | null>(null);
  /** An export that could neither be downloaded nor copied: shown to copy by hand. */
  const [shown, setShown] = useState<{ name: string; text: string } | null>(null);
  const busyRef = useRef(false);
  const started = useRef(false);
  /** A sheet event arrived while other Excel work ran: follow the workbook once that is done. */
  const followPending = useRef(false);
  const followRef = useRef<() => void>(() => undefined);
  const stateRef = useRef({ outcome, inspected, profile });
  stateRef.current = { outcome, inspected, profile };

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const mainRef = useRef<HTMLElement>(null);
  /** After a message is dismissed: focus the main command of the view (else its tab), never <body>. */
  const focusHome = () =>
    requestAnimationFrame(() =>
      (
        mainRef.current?.querySelector<HTMLElement>('[data-focus-home]') ??
        mainRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')
      )?.focus(),
    );

  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    storeLang(l);
  }, []);

  /** Run one piece of Excel work at a time; a second start while one runs is ignored. */
  const run = useCallback(async (task: Task, work: (setTask: (t: Task) => void) => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(task);
    setError(null);
    setNotice(null);
    try {
      await work(setBusy);
    } catch (e) {
      setError(toMessage(e));
    } finally {
      busyRef.current = false;
      setBusy(null);
      if (followPending.current) followRef.current();
    }
  }, []);

  /**
   * Read which sheet is active and keep the pane's results true to it: results of a sheet that was
   * renamed follow its new name, those of a deleted sheet are removed, and what the card shows of the
   * table is read again for the sheet Validate would check. Notices stay (it runs after 集計 too).
   */
  const follow = useCallback(async () => {
    if (busyRef.current) {
      followPending.current = true;
      return;
    }
    followPending.current = false;
    busyRef.current = true;
    try {
      const state: SheetState = await host.sheetState();
      setSheet(state);
      const { outcome: o, inspected: seen, profile: prof } = stateRef.current;
      if (o?.sheetId) {
        const now = state.sheets.find((x) => x.id === o.sheetId);
        if (!now) {
          setOutcome(null);
          setWarning(null);
          setNotice(both('checkedSheetGone', { sheet: o.result.sheet }));
        } else if (now.name !== o.result.sheet) {
          setOutcome({ ...o, result: { ...o.result, sheet: now.name } });
        }
      }
      const target = state.summaryOf ?? state.name;
      if (state.summaryOf && !state.sheets.some((x) => x.name === state.summaryOf)) setInspected(null);
      else if (!seen || seen.sheet !== target) setInspected(await host.inspect(prof, state.summaryOf ?? undefined));
    } catch (e) {
      setError(toMessage(e));
    } finally {
      busyRef.current = false;
      if (followPending.current) followRef.current();
    }
  }, [host]);
  followRef.current = () => void follow();

  useEffect(() => {
    let unwatch: (() => Promise<void>) | null = null;
    let gone = false;
    const onFocus = () => followRef.current();
    const fallback = () => window.addEventListener('focus', onFocus);
    void host
      .watchSheets(() => followRef.current())
      .then((u) => {
        if (gone) void u?.();
        else if (u) unwatch = u;
        // No sheet events on this host: read the active sheet whenever the pane gets the focus back.
        else fallback();
      }, fallback);
    return () => {
      gone = true;
      window.removeEventListener('focus', onFocus);
      void unwatch?.();
    };
  }, [host]);

  /** Validate the sheet the card names: the active sheet, or the source of our summary sheet. */
  const validateWith = useCallback(
    async (prof: Profile, target: PaneSheet | null) => {
      const o = await host.validate(prof, target?.summaryOf ?? undefined);
      setOutcome(o);
      // The active sheet changed without an event (a host without them): read it again afterwards.
      if (!target || (target.summaryOf ?? target.name) !== o.result.sheet) followPending.current = true;
      setNotice(o.highlighted > 0 ? both('highlighted', { n: o.highlighted }) : null);
      setWarning(o.notPainted ? { ja: o.notPainted.ja, en: o.notPainted.en } : null);
      return o;
    },
    [host],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void run('load', async (setTask) => {
      const commandError = await takeCommandError().catch(() => null);
      const [info, saved] = await Promise.all([host.sheetState(), host.loadProfile()]);
      setSheet(info);
      const prof = saved.profile ?? DEFAULT_PROFILE;
      setProfile(prof);
      setProfileErrors(saved.errors);
      if (commandError) {
        setError({
          ja: p('commandFailed', 'ja', { message: commandError.ja }),
          en: p('commandFailed', 'en', { message: commandError.en }),
        });
      }
      if (env.autoRun) {
        setTask('validate');
        await validateWith(prof, info);
      } else if (!info.summaryOf || info.sheets.some((x) => x.name === info.summaryOf)) {
        setInspected(await host.inspect(prof, info.summaryOf ?? undefined));
      }
    });
  }, [env.autoRun, host, run, validateWith]);

  const onValidate = () => run('validate', async () => void (await validateWith(profile, sheet)));

  /** Writes the results the pane shows (validating first when there are none yet). */
  const onSummary = () =>
    run('summary', async (setTask) => {
      const target = sheet ? (sheet.summaryOf ?? sheet.name) : null;
      let o = outcome && outcome.result.sheet === target ? outcome : null;
      if (!o) {
        setTask('validate');
        o = await validateWith(profile, sheet);
        setTask('summary');
      }
      const name = await host.insertSummary(o.result, lang);
      setNotice(both('summaryInserted', { name }));
    });

  const onClear = () =>
    run('clear', async () => {
      const n = await host.clearHighlights();
      setNotice(both('cleared', { n }));
    });

  const onRefresh = () =>
    run('load', async () => {
      const state = await host.sheetState();
      setSheet(state);
      setInspected(await host.inspect(profile, state.summaryOf ?? undefined));
    });

  const onSelect = useCallback(
    async (cell: string) => {
      if (!outcome) return;
      try {
        await host.selectCell(outcome.result.sheet, cell);
      } catch (e) {
        const m = toMessage(e);
        setError({ ja: `${p('selectFailed', 'ja', { cell })} ${m.ja}`, en: `${p('selectFailed', 'en', { cell })} ${m.en}` });
      }
    },
    [host, outcome],
  );

  /** Write fixes to the checked sheet, then check it again; what was written can be undone. */
  const onFix = (fixes: Fix[]) =>
    run('fix', async (setTask) => {
      if (!outcome || !fixes.length) return;
      const name = outcome.result.sheet;
      const out = await host.writeFixes(name, fixes);
      setUndo(out.applied.length ? { sheet: name, fixes: out.applied } : null);
      setTask('validate');
      setOutcome(await host.validate(profile, name));
      setNotice(both(out.skipped.length ? 'fixedSkipped' : 'fixed', { n: out.applied.length, k: out.skipped.length }));
    });

  /** 元に戻す: the old values back, in one write (cells changed since are left as they are). */
  const onUndo = () =>
    run('undo', async (setTask) => {
      if (!undo) return;
      const out = await host.writeFixes(undo.sheet, reverseFixes(undo.fixes));
      setUndo(null);
      setTask('validate');
      setOutcome(await host.validate(profile, undo.sheet));
      setNotice(both(out.skipped.length ? 'undoneSkipped' : 'undone', { n: out.applied.length, k: out.skipped.length }));
    });

  /** Export the results shown (those of result.sheet, which the file name says), the way the host allows. */
  const onExport = async (kind: 'json' | 'csv') => {
    if (!outcome) return;
    const { result } = outcome;
    const file = workbookName() ?? '';
    const name = reportFileName(result.sheet, kind, file || null, new Date());
    const text =
      kind === 'json'
        ? JSON.stringify(
            toJsonReport(
              [
                {
                  file,
                  sheet: result.sheet,
                  result,
                  ...(differences ? { profileSource: 'workbook' as const, profileDifferences: differences } : {}),
                },
              ],
              lang,
            ),
            null,
            2,
          ) + '\n'
        : toCsv(result, lang, { file });
    setError(null);
    const way = await exportText(env.platform, name, text, kind === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
    setShown(way === 'shown' ? { name, text } : null);
    setNotice(both(way === 'downloaded' ? 'exported' : way === 'copied' ? 'exportCopied' : 'exportShown', { file: name }));
  };

  /** Save (or remove) the profile, then check again what the pane shows, under the new settings. */
  /** Read the header cells for the column mapping, under the draft (or the profile in force). */
  const readChoice = useCallback(
    (prof: Profile, target: PaneSheet | null) => {
      const name = target ? (target.summaryOf ?? target.name) : null;
      choiceFor.current = name;
      setChoice(undefined);
      host.headerChoice(prof, target?.summaryOf ?? undefined).then(
        (c) => choiceFor.current === name && setChoice(c),
        () => choiceFor.current === name && setChoice(null),
      );
    },
    [host],
  );
  const target = sheet ? (sheet.summaryOf ?? sheet.name) : null;
  useEffect(() => {
    if (view === 'settings' && target !== null && choiceFor.current !== target) readChoice(draft ?? profile, sheet);
  }, [view, target, readChoice, draft, profile, sheet]);

  const onSaveProfile = (next: Profile | null) =>
    run('save', async (setTask) => {
      await host.saveProfile(next);
      const prof = next ?? DEFAULT_PROFILE;
      setProfile(prof);
      setProfileErrors([]);
      setDraft(null);
      if (outcome) {
        setTask('validate');
        await validateWith(prof, sheet);
      } else if (sheet) {
        setInspected(await host.inspect(prof, sheet.summaryOf ?? undefined));
      }
      setNotice(both(next ? (outcome ? 'settingsSavedChecked' : 'settingsSaved') : 'settingsReset'));
      readChoice(prof, sheet);
    });

  // Closing the pane with unsaved settings: the browser asks first (where the host lets it).
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return (
    // No layout class on the provider itself: Fluent copies its classes to the portal node of
    // dropdowns and tooltips, which would then cover the pane (minHeight 100vh) and take its clicks.
    <FluentProvider theme={env.dark ? webDarkTheme : webLightTheme} dir="ltr">
      <main ref={mainRef} className={styles.root} aria-label={p('paneLabel', lang)}>
        <Header lang={lang} onLang={setLang} />
        <ViewTabs
          label={p('views', lang)}
          idPrefix="view"
          selected={view}
          onSelect={setView}
          onPrefetch={(v) => v === 'settings' && void loadSettings().catch(() => undefined)}
          tabs={[
            { value: 'results', label: p('results', lang) },
            { value: 'settings', label: p(dirty ? 'settingsTabUnsaved' : 'settings', lang) },
          ]}
        />
        <div className={styles.body} role="tabpanel" aria-labelledby={`view-${view}`}>
          {error ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{p('errorTitle', lang)}</MessageBarTitle>
                {error[lang]}
              </MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button
                    appearance="transparent"
                    aria-label={p('dismiss', lang)}
                    icon={<DismissRegular />}
                    onClick={() => {
                      setError(null);
                      focusHome();
                    }}
                  />
                }
              />
            </MessageBar>
          ) : null}
          {view === 'results' ? (
            <>
              <SheetCard
                lang={lang}
                sheet={sheet}
                outcome={outcome}
                inspected={inspected}
                busy={busy !== null}
                onRefresh={onRefresh}
              />
              <ProfileNote lang={lang} differences={differences} invalid={profileErrors} onShow={() => setView('settings')} />
              <Actions
                lang={lang}
                busy={busy}
                hasResult={outcome !== null}
                onValidate={onValidate}
                onSummary={onSummary}
                onClear={onClear}
                onExport={(k) => void onExport(k)}
              />
              <div className={styles.status} role="status" aria-live="polite">
                {busy ? (
                  <Busy label={p(TASK_LABEL[busy], lang)} />
                ) : notice ? (
                  <MessageBar intent="info">
                    <MessageBarBody>{notice[lang]}</MessageBarBody>
                  </MessageBar>
                ) : null}
              </div>
              {shown ? <ExportText lang={lang} name={shown.name} text={shown.text} onClose={() => setShown(null)} /> : null}
              {warning ? (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{warning[lang]}</MessageBarBody>
                </MessageBar>
              ) : null}
              {outcome && sheet && outcome.result.sheet !== (sheet.summaryOf ?? sheet.name) ? (
                <OtherSheetNote lang={lang} checked={outcome.result.sheet} active={sheet.name} />
              ) : null}
              {dirty ? (
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>{p('leaveUnsaved', lang)}</MessageBarBody>
                </MessageBar>
              ) : null}
              {undo ? (
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>{p('undoHint', lang, { n: undo.fixes.length, sheet: undo.sheet })}</MessageBarBody>
                  <MessageBarActions>
                    <Button size="small" disabledFocusable={busy !== null} onClick={onUndo}>
                      {p('undo', lang)}
                    </Button>
                  </MessageBarActions>
                </MessageBar>
              ) : null}
              {outcome ? (
                <Results
                  lang={lang}
                  outcome={outcome}
                  profile={profile}
                  onSelect={onSelect}
                  onFix={onFix}
                  canFix={busy === null && (!sheet || outcome.result.sheet === (sheet.summaryOf ?? sheet.name))}
                />
              ) : null}
            </>
          ) : (
            <>
              <div className={styles.status} role="status" aria-live="polite">
                {busy ? (
                  <Busy label={p(TASK_LABEL[busy], lang)} />
                ) : notice ? (
                  <MessageBar intent="success">
                    <MessageBarBody>{notice[lang]}</MessageBarBody>
                  </MessageBar>
                ) : null}
              </div>
              <LazySettings
                lang={lang}
                profile={profile}
                draft={draft}
                onDraft={setDraft}
                busy={busy !== null}
                onSave={onSaveProfile}
                choice={choice}
                onReread={() => readChoice(draft ?? profile, sheet)}
              />
            </>
          )}
        </div>
      </main>
    </FluentProvider>
  );
}
