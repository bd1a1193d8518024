import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses } from '@fluentui/react-components';
import { tokens } from '../tokens';
import { ArrowDownRegular } from '@fluentui/react-icons/lib/atoms/svg/arrow-down';
import { ArrowUpRegular } from '@fluentui/react-icons/lib/atoms/svg/arrow-up';
import { ErrorCircleFilled } from '@fluentui/react-icons/lib/atoms/svg/error-circle';
import { InfoFilled } from '@fluentui/react-icons/lib/atoms/svg/info';
import { WarningFilled } from '@fluentui/react-icons/lib/atoms/svg/warning';
import { gradeLabel, roleLabel, severityCount, t } from '../../core/i18n';
import { localizeFinding } from '../../core/messages';
import { toA1 } from '../../core/a1';
import { findingCell } from '../../core/report';
import { safeFixes, type Fix } from '../../core/fixes';
import type { Profile } from '../../core/profile';
import { SEVERITIES, type Finding, type Lang, type Severity } from '../../core/types';
import { groupFindings } from '../groups';
import { ruleHeading } from '../ruleTitles';
import type { ValidateOutcome } from '../../office/host';
import { p } from '../strings';

/** Findings shown per group before "show more". */
const PAGE = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  filters: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  small: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  hint: { color: tokens.colorNeutralForeground3 },
  // A filter that is on (aria-pressed), as Fluent's ToggleButton shows it checked.
  on: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1Selected,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1Hover },
    '@media (forced-colors: active)': { backgroundColor: 'Highlight', color: 'HighlightText', forcedColorAdjust: 'none' },
  },
  group: { display: 'flex', flexDirection: 'column' },
  groupTitle: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    margin: '4px 0',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(3.2em, max-content) 1fr',
    columnGap: '8px',
    width: '100%',
    padding: '6px 4px',
    border: 'none',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    textAlign: 'left',
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    overflowWrap: 'anywhere',
  },
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  suggestion: { gridColumn: '2', color: tokens.colorNeutralForeground2, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  icon: { flexShrink: 0, fontSize: '16px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  row: { display: 'flex', alignItems: 'flex-start', gap: '4px' },
  fixButton: { flexShrink: 0, marginTop: '4px' },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected, boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}` },
  nav: { display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap' },
  navPos: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  dist: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  distLabel: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, whiteSpace: 'nowrap', paddingRight: '8px', width: '1%' },
  distCount: { textAlign: 'right', width: '3em', paddingLeft: '6px', fontVariantNumeric: 'tabular-nums' },
  barTrack: { height: '8px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: '4px' },
  bar: { height: '8px', backgroundColor: tokens.colorBrandBackground, borderRadius: '4px' },
  distTitle: { margin: '0 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const Icon = severity === 'error' ? ErrorCircleFilled : severity === 'warning' ? WarningFilled : InfoFilled;
  return <Icon aria-hidden="true" className={mergeClasses(styles.icon, styles[severity])} />;
}

interface Props {
  lang: Lang;
  outcome: ValidateOutcome;
  /** The profile in force: the headings name its scale. */
  profile: Profile;
  onSelect: (cell: string) => void;
  /** Write fixes (one finding's, or every safe one). */
  onFix: (fixes: Fix[]) => void;
  /** False while Excel work runs or when the results are another sheet's. */
  canFix: boolean;
}

export function Results({ lang, outcome, profile, onSelect, onFix, canFix }: Props) {
  const styles = useStyles();
  const { result } = outcome;
  const s = result.summary;
  const [visible, setVisible] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [limits, setLimits] = useState<Record<string, number>>({});
  const counts: Record<Severity, number> = { error: s.errors, warning: s.warnings, info: s.infos };
  const groups = useMemo(() => groupFindings(result.findings), [result.findings]);
  const shownGroups = useMemo(() => groups.filter((g) => visible[g.severity]), [groups, visible]);
  const shownCount = shownGroups.reduce((n, g) => n + g.findings.length, 0);
  const root = useRef<HTMLElement>(null);
  /** Where focus goes after the list changed under it (show more): an item's data-item key. */
  const [focusItem, setFocusItem] = useState<string | null>(null);
  /** The findings with a cell, in the order shown: what 前へ / 次へ step through. */
  const steps = useMemo(
    () =>
      shownGroups.flatMap((g) =>
        g.findings.flatMap((f, i) => (findingCell(f) ? [{ key: `${g.severity}:${g.ruleId}`, i, cell: findingCell(f)! }] : [])),
      ),
    [shownGroups],
  );
  const [current, setCurrent] = useState(-1);
  const safe = useMemo(() => safeFixes(result.findings), [result.findings]);
  useEffect(() => setCurrent(-1), [result.findings, visible]);

  useEffect(() => {
    if (!focusItem) return;
    root.current?.querySelector<HTMLElement>(`[data-item="${CSS.escape(focusItem)}"]`)?.focus();
    setFocusItem(null);
  }, [focusItem]);

  useEffect(() => {
    const at = steps[current];
    if (at) root.current?.querySelector(`[data-item="${CSS.escape(`${at.key}#${at.i}`)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current, steps]);

  /** Step to the next (+1) or previous (-1) finding: shown, marked, and its cell selected in the sheet. */
  const go = (delta: number) => {
    if (!steps.length) return;
    const next = Math.min(steps.length - 1, Math.max(0, current < 0 ? (delta > 0 ? 0 : steps.length - 1) : current + delta));
    const at = steps[next]!;
    setLimits((l) => ((l[at.key] ?? PAGE) > at.i ? l : { ...l, [at.key]: Math.ceil((at.i + 1) / PAGE) * PAGE }));
    setCurrent(next);
    onSelect(at.cell);
  };
  const currentKey = steps[current] ? `${steps[current]!.key}#${steps[current]!.i}` : null;

  /** Alt+↓ / Alt+↑ anywhere in the results: next / previous finding. ↓ / ↑ in the list: move between findings. */
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      go(e.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    const el = e.target as HTMLElement;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && el.dataset.item) {
      const items = [...(root.current?.querySelectorAll<HTMLElement>('[data-item]') ?? [])];
      const i = items.indexOf(el);
      const to = items[i + (e.key === 'ArrowDown' ? 1 : -1)];
      if (to) {
        e.preventDefault();
        to.focus();
      }
    }
  };

  return (
    <section ref={root} className={styles.root} aria-label={t('findings', lang)} onKeyDown={onKeyDown}>
      {result.layout ? (
        s.ready ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('ready', lang)}</MessageBarTitle>
              {p('readyBody', lang)}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('notReady', lang)}</MessageBarTitle>
              {p('notReadyBody', lang, { n: s.errors })}
            </MessageBarBody>
          </MessageBar>
        )
      ) : null}

      {result.layout && s.kpis + s.rows > 0 ? <GradeDistribution lang={lang} result={outcome.result} /> : null}

      <div className={styles.filters} role="group" aria-label={p('filter', lang)}>
        {SEVERITIES.map((sev) => (
          <Button
            key={sev}
            size="small"
            shape="circular"
            aria-pressed={visible[sev]}
            className={visible[sev] ? styles.on : undefined}
            icon={<SeverityIcon severity={sev} />}
            onClick={() => setVisible((v) => ({ ...v, [sev]: !v[sev] }))}
          >
            {severityCount(sev, counts[sev], lang)}
          </Button>
        ))}
      </div>

      {result.findings.length ? (
        <span className={mergeClasses(styles.small, styles.hint)}>
          {p('showing', lang, { shown: shownCount, total: result.findings.length })} · {p('clickHint', lang)}
        </span>
      ) : null}
      {result.findings.length > 0 && shownCount === 0 ? <span>{p('noneShown', lang)}</span> : null}

      {safe.length ? (
        <div className={styles.nav}>
          <Button
            appearance="primary"
            size="small"
            disabledFocusable={!canFix}
            onClick={() => onFix(safe)}
            title={p('fixAllHint', lang)}
          >
            {p('fixAll', lang, { n: safe.length })}
          </Button>
        </div>
      ) : null}

      {steps.length ? (
        <div className={styles.nav} role="group" aria-label={p('navigate', lang)}>
          <Button size="small" icon={<ArrowUpRegular />} onClick={() => go(-1)} disabledFocusable={current === 0} title="Alt+↑">
            {p('prevFinding', lang)}
          </Button>
          <Button
            size="small"
            icon={<ArrowDownRegular />}
            onClick={() => go(1)}
            disabledFocusable={current === steps.length - 1}
            title="Alt+↓"
          >
            {p('nextFinding', lang)}
          </Button>
          <span className={mergeClasses(styles.small, styles.navPos)} aria-live="polite">
            {current >= 0
              ? p('position', lang, { i: current + 1, n: steps.length, cell: steps[current]!.cell })
              : p('navHint', lang)}
          </span>
        </div>
      ) : null}

      {shownGroups.map((g) => {
        const id = `group-${g.severity}-${g.ruleId}`;
        const key = `${g.severity}:${g.ruleId}`;
        const limit = limits[key] ?? PAGE;
        const rest = g.findings.length - limit;
        return (
          <section key={key} className={styles.group} aria-labelledby={id}>
            <h2 id={id} className={styles.groupTitle}>
              <SeverityIcon severity={g.severity} />
              <span>
                {ruleHeading(g.ruleId, lang, profile, s)}
                {lang === 'ja' ? `（${g.findings.length}）` : ` (${g.findings.length})`}
              </span>
            </h2>
            <ul className={styles.list}>
              {g.findings.slice(0, limit).map((f, i) => (
                <li key={i} className={styles.row}>
                  <FindingItem
                    lang={lang}
                    finding={f}
                    item={`${key}#${i}`}
                    current={currentKey === `${key}#${i}`}
                    onSelect={(cell) => {
                      setCurrent(steps.findIndex((x) => x.key === key && x.i === i));
                      onSelect(cell);
                    }}
                  />
                  {f.fix ? <FixButton lang={lang} fix={f.fix} disabled={!canFix} onFix={onFix} /> : null}
                </li>
              ))}
            </ul>
            {rest > 0 ? (
              <Button
                appearance="transparent"
                size="small"
                onClick={() => {
                  setLimits((l) => ({ ...l, [key]: limit + PAGE }));
                  // Focus the first finding just shown (the button may be gone), never <body>.
                  setFocusItem(`${key}#${limit}`);
                }}
              >
                {p('more', lang, { n: Math.min(rest, PAGE) })}
              </Button>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}

interface ItemProps {
  lang: Lang;
  finding: Finding;
  /** The item's key for focus and navigation ("error:missing-grade#3"). */
  item: string;
  current: boolean;
  onSelect: Props['onSelect'];
}

function FindingItem({ lang, finding, item, current, onSelect }: ItemProps) {
  const styles = useStyles();
  const { message, suggestion } = localizeFinding(finding, lang);
  const cell = findingCell(finding);
  const where = cell ?? (finding.role ? `${t('column', lang)}: ${roleLabel(finding.role, lang)}` : p('wholeSheet', lang));
  const body = (
    <>
      <span className={styles.cell}>{where}</span>
      <span className={styles.message}>{message}</span>
      {suggestion ? (
        <span className={styles.suggestion}>
          {t('suggestion', lang)}: {suggestion}
        </span>
      ) : null}
    </>
  );
  if (!cell)
    return (
      <div className={styles.item} data-item={item} tabIndex={-1}>
        {body}
      </div>
    );
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, styles.clickable, current && styles.current)}
      title={p('goTo', lang, { cell })}
      data-item={item}
      aria-current={current ? 'true' : undefined}
      onClick={() => onSelect(cell)}
    >
      {body}
    </button>
  );
}

/** The grade distribution of the checked table (達成度の分布), as the summary sheet counts it. */
function GradeDistribution({ lang, result }: { lang: Lang; result: ValidateOutcome['result'] }) {
  const styles = useStyles();
  const s = result.summary;
  const max = Math.max(1, ...s.gradeOrder.map((g) => s.grades[g] ?? 0));
  const id = 'grade-distribution';
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={styles.distTitle}>
        {p('gradeDistribution', lang)}
      </h2>
      <table className={styles.dist}>
        <tbody>
          {s.gradeOrder.map((g) => {
            const n = s.grades[g] ?? 0;
            return (
              <tr key={g}>
                <th scope="row" className={styles.distLabel}>
                  {gradeLabel(g, s.noKpiGrade, lang)}
                </th>
                <td aria-hidden="true">
                  <div className={styles.barTrack}>
                    <div className={styles.bar} style={{ width: `${(100 * n) / max}%` }} />
                  </div>
                </td>
                <td className={styles.distCount}>{n}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** 修正 on a finding: a certain fix at once; a suggestion (a grade from the rate) says what it enters. */
function FixButton({ lang, fix, disabled, onFix }: { lang: Lang; fix: Fix; disabled: boolean; onFix: Props['onFix'] }) {
  const styles = useStyles();
  const cell = toA1(fix.row, fix.col);
  const label = fix.safe ? p('fix', lang) : p('fixSuggested', lang, { to: fix.to });
  const title = fix.safe
    ? p('fixTitle', lang, { from: fix.from, to: fix.to })
    : p('fixSuggestedTitle', lang, { to: fix.to, cell });
  return (
    <Button
      size="small"
      className={styles.fixButton}
      disabledFocusable={disabled}
      aria-label={`${label}: ${cell} ${title}`}
      title={title}
      onClick={() => onFix([fix])}
    >
      {label}
    </Button>
  );
}
