import { useMemo, useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ErrorCircleFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import { roleLabel, severityCount, t } from '../../core/i18n';
import { localizeFinding } from '../../core/messages';
import { findingCell } from '../../core/report';
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
  hint: { color: tokens.colorNeutralForeground3 },
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
}

export function Results({ lang, outcome, profile, onSelect }: Props) {
  const styles = useStyles();
  const { result } = outcome;
  const s = result.summary;
  const [visible, setVisible] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [limits, setLimits] = useState<Record<string, number>>({});
  const counts: Record<Severity, number> = { error: s.errors, warning: s.warnings, info: s.infos };
  const groups = useMemo(() => groupFindings(result.findings), [result.findings]);
  const shownGroups = groups.filter((g) => visible[g.severity]);
  const shownCount = shownGroups.reduce((n, g) => n + g.findings.length, 0);

  return (
    <section className={styles.root} aria-label={t('findings', lang)}>
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

      <div className={styles.filters} role="group" aria-label={p('filter', lang)}>
        {SEVERITIES.map((sev) => (
          <ToggleButton
            key={sev}
            size="small"
            shape="circular"
            checked={visible[sev]}
            icon={<SeverityIcon severity={sev} />}
            onClick={() => setVisible((v) => ({ ...v, [sev]: !v[sev] }))}
          >
            {severityCount(sev, counts[sev], lang)}
          </ToggleButton>
        ))}
      </div>

      {result.findings.length ? (
        <Text size={200} className={styles.hint}>
          {p('showing', lang, { shown: shownCount, total: result.findings.length })} · {p('clickHint', lang)}
        </Text>
      ) : null}
      {result.findings.length > 0 && shownCount === 0 ? <Text>{p('noneShown', lang)}</Text> : null}

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
                <li key={i}>
                  <FindingItem lang={lang} finding={f} onSelect={onSelect} />
                </li>
              ))}
            </ul>
            {rest > 0 ? (
              <Button appearance="transparent" size="small" onClick={() => setLimits((l) => ({ ...l, [key]: limit + PAGE }))}>
                {p('more', lang, { n: Math.min(rest, PAGE) })}
              </Button>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}

function FindingItem({ lang, finding, onSelect }: { lang: Lang; finding: Finding; onSelect: Props['onSelect'] }) {
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
  if (!cell) return <div className={styles.item}>{body}</div>;
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, styles.clickable)}
      title={p('goTo', lang, { cell })}
      onClick={() => onSelect(cell)}
    >
      {body}
    </button>
  );
}
