import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import { tokens } from '../tokens';
import { ArrowSyncRegular } from '@fluentui/react-icons/lib/atoms/svg/arrow-sync';
import { TableSimpleRegular } from '@fluentui/react-icons/lib/atoms/svg/table-simple';
import { fiscalYearLabel, t } from '../../core/i18n';
import { tableInfo } from '../../core/report';
import type { CheckResult } from '../../core/engine';
import type { Lang } from '../../core/types';
import type { SheetState, ValidateOutcome } from '../../office/host';
import { p } from '../strings';

/** The sheet the pane shows (what was read of it: all of SheetState once the pane has followed the workbook). */
export type PaneSheet = Pick<SheetState, 'name'> & Partial<Omit<SheetState, 'name'>>;

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
  // On our summary sheet, Validate checks its source: what the card shows is about that sheet.
  const target = sheet ? (sheet.summaryOf ?? sheet.name) : null;
  const checked = outcome && outcome.result.sheet === target ? outcome.result : null;
  const result = checked ?? (inspected && inspected.sheet === target ? inspected : null);
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
        <span className={styles.sheetName}>
          {p(checked ? 'checkedSheet' : 'activeSheet', lang)}: {sheet ? sheet.name : '—'}
        </span>
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
      {sheet?.summaryOf ? (
        <span className={styles.hint}>
          {p(sheet.sheets?.some((x) => x.name === sheet.summaryOf) ? 'summaryOf' : 'summarySourceGone', lang, {
            sheet: sheet.summaryOf,
          })}
        </span>
      ) : null}
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
      {!checked ? <span className={styles.hint}>{p('notChecked', lang)}</span> : null}
    </section>
  );
}

/** Above results that belong to another sheet than the one the card names. */
export function OtherSheetNote({ lang, checked, active }: { lang: Lang; checked: string; active: string }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{p('otherSheetTitle', lang, { sheet: checked })}</MessageBarTitle>
        {p('otherSheet', lang, { sheet: checked, active })}
      </MessageBarBody>
    </MessageBar>
  );
}
