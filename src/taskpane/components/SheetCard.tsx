import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, TableSimpleRegular } from '@fluentui/react-icons';
import { fiscalYearLabel, t } from '../../core/i18n';
import { tableInfo } from '../../core/report';
import type { CheckResult } from '../../core/engine';
import type { Lang } from '../../core/types';
import type { SheetInfo, ValidateOutcome } from '../../office/host';

/** The sheet the pane shows; usedRange is left out when it was not read (known only from a validation). */
export type PaneSheet = Omit<SheetInfo, 'usedRange'> & { usedRange?: SheetInfo['usedRange'] };
import { p } from '../strings';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '10px 12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  sheetRow: { display: 'flex', alignItems: 'center', gap: '6px' },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', flexGrow: 1 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: '12px',
    rowGap: '2px',
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0, overflowWrap: 'anywhere' },
  hint: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  lang: Lang;
  sheet: PaneSheet | null;
  outcome: ValidateOutcome | null;
  /** The engine's reading of the sheet before validation, if any. */
  inspected: CheckResult | null;
  busy: boolean;
  onRefresh: () => void;
}

/** Which sheet the pane works on and what was found there. */
export function SheetCard({ lang, sheet, outcome, inspected, busy, onRefresh }: Props) {
  const styles = useStyles();
  const checked = outcome && sheet && outcome.result.sheet === sheet.name ? outcome.result : null;
  const result = checked ?? (inspected && sheet && inspected.sheet === sheet.name ? inspected : null);
  const facts: [string, string][] = [];
  if (sheet && sheet.usedRange !== undefined) facts.push([p('usedRange', lang), sheet.usedRange ?? p('emptySheet', lang)]);
  if (result?.layout) {
    const info = tableInfo(result.layout);
    facts.push(
      [t('table', lang), info.range],
      [t('fiscalYear', lang), fiscalYearLabel(result.summary.fiscalYear, lang)],
      [t('rows', lang), String(result.summary.rows)],
      [t('kpis', lang), String(result.summary.kpis)],
    );
  }
  return (
    <section className={styles.card} aria-label={p(checked ? 'checkedSheet' : 'activeSheet', lang)}>
      <div className={styles.sheetRow}>
        <TableSimpleRegular aria-hidden="true" />
        <Text className={styles.sheetName}>
          {p(checked ? 'checkedSheet' : 'activeSheet', lang)}: {sheet ? sheet.name : '—'}
        </Text>
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowSyncRegular />}
          aria-label={p('refresh', lang)}
          title={p('refresh', lang)}
          disabledFocusable={busy}
          onClick={onRefresh}
        />
      </div>
      {facts.length ? (
        <dl className={styles.facts}>
          {facts.map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt className={styles.term}>{k}</dt>
              <dd className={styles.def}>{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {result && !result.layout ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('tableNotFound', lang)}</MessageBarTitle>
            {p('noTable', lang)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {!checked ? <Text className={styles.hint}>{p('notChecked', lang)}</Text> : null}
    </section>
  );
}
