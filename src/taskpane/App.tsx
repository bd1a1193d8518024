import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { CheckResult } from '../core/engine';
import { DEFAULT_PROFILE, type Profile } from '../core/profile';
import { toCsv, toJsonReport } from '../core/report';
import type { Lang, Localized } from '../core/types';
import type { ExcelHost, ValidateOutcome } from '../office/host';
import { Actions } from './components/Actions';
import { Header } from './components/Header';
import { Results } from './components/Results';
import { Settings } from './components/Settings';
import { SheetCard, type PaneSheet } from './components/SheetCard';
import { download, reportFileName } from './download';
import { storeLang, takeCommandError, workbookName, type PaneEnv } from './env';
import { p, type PaneKey } from './strings';

export type Task = 'load' | 'validate' | 'summary' | 'clear' | 'save';

const TASK_LABEL: Record<Task, PaneKey> = {
  load: 'loading',
  validate: 'validating',
  summary: 'inserting',
  clear: 'clearing',
  save: 'saving',
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
  const [outcome, setOutcome] = useState<ValidateOutcome | null>(null);
  /** What the engine found on the active sheet before any validation (nothing painted). */
  const [inspected, setInspected] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<Task | null>(null);
  const [error, setError] = useState<Localized | null>(null);
  const [notice, setNotice] = useState<Localized | null>(null);
  /** What the last validation could not do (highlights on a protected sheet); stays until the next one. */
  const [warning, setWarning] = useState<Localized | null>(null);
  const busyRef = useRef(false);
  const started = useRef(false);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

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
    }
  }, []);

  const validateWith = useCallback(
    async (prof: Profile) => {
      const o = await host.validate(prof);
      setOutcome(o);
      setSheet((prev) => (prev && prev.name === o.result.sheet ? prev : { name: o.result.sheet }));
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
      const [info, saved] = await Promise.all([host.activeSheet(), host.loadProfile()]);
      setSheet(info);
      const prof = saved ?? DEFAULT_PROFILE;
      setProfile(prof);
      if (commandError) {
        setError({
          ja: p('commandFailed', 'ja', { message: commandError.ja }),
          en: p('commandFailed', 'en', { message: commandError.en }),
        });
      }
      if (env.autoRun) {
        setTask('validate');
        await validateWith(prof);
      } else {
        setInspected(await host.inspect(prof));
      }
    });
  }, [env.autoRun, host, run, validateWith]);

  const onValidate = () => run('validate', async () => void (await validateWith(profile)));

  /** Writes the results the pane shows (validating first when there are none yet). */
  const onSummary = () =>
    run('summary', async (setTask) => {
      let o = outcome;
      if (!o) {
        setTask('validate');
        o = await validateWith(profile);
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
      setSheet(await host.activeSheet());
      setInspected(await host.inspect(profile));
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

  const onExport = (kind: 'json' | 'csv') => {
    if (!outcome) return;
    const { result } = outcome;
    const file = workbookName() ?? '';
    const name = reportFileName(result.sheet, kind);
    if (kind === 'json') {
      const report = toJsonReport([{ file, sheet: result.sheet, result }], lang);
      download(name, JSON.stringify(report, null, 2) + '\n', 'application/json');
    } else {
      download(name, toCsv(result, lang, { file }), 'text/csv;charset=utf-8');
    }
    setNotice(both('exported', { file: name }));
  };

  const onSaveProfile = (next: Profile | null) =>
    run('save', async () => {
      await host.saveProfile(next);
      setProfile(next ?? DEFAULT_PROFILE);
      setNotice(both(next ? 'settingsSaved' : 'settingsReset'));
    });

  return (
    <FluentProvider theme={env.dark ? webDarkTheme : webLightTheme} className={styles.root} dir="ltr">
      <main aria-label={p('paneLabel', lang)}>
        <Header lang={lang} onLang={setLang} />
        <TabList
          selectedValue={view}
          onTabSelect={(_, d) => setView(d.value as 'results' | 'settings')}
          aria-label={p('views', lang)}
        >
          <Tab value="results">{p('results', lang)}</Tab>
          <Tab value="settings">{p('settings', lang)}</Tab>
        </TabList>
        <div className={styles.body}>
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
                    onClick={() => setError(null)}
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
              <Actions
                lang={lang}
                busy={busy}
                hasResult={outcome !== null}
                onValidate={onValidate}
                onSummary={onSummary}
                onClear={onClear}
                onExport={onExport}
              />
              <div className={styles.status} role="status" aria-live="polite">
                {busy ? (
                  <Spinner size="tiny" label={p(TASK_LABEL[busy], lang)} labelPosition="after" />
                ) : notice ? (
                  <MessageBar intent="info">
                    <MessageBarBody>{notice[lang]}</MessageBarBody>
                  </MessageBar>
                ) : null}
              </div>
              {warning ? (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{warning[lang]}</MessageBarBody>
                </MessageBar>
              ) : null}
              {outcome ? <Results lang={lang} outcome={outcome} onSelect={onSelect} /> : null}
            </>
          ) : (
            <>
              <div className={styles.status} role="status" aria-live="polite">
                {busy ? (
                  <Spinner size="tiny" label={p(TASK_LABEL[busy], lang)} labelPosition="after" />
                ) : notice ? (
                  <MessageBar intent="success">
                    <MessageBarBody>{notice[lang]}</MessageBarBody>
                  </MessageBar>
                ) : null}
              </div>
              <Settings lang={lang} profile={profile} busy={busy !== null} onSave={onSaveProfile} />
            </>
          )}
        </div>
      </main>
    </FluentProvider>
  );
}
