import { Button, makeStyles } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons/lib/atoms/svg/arrow-download';
import { CheckmarkCircleRegular } from '@fluentui/react-icons/lib/atoms/svg/checkmark-circle';
import { DataBarVerticalRegular } from '@fluentui/react-icons/lib/atoms/svg/data-bar-vertical';
import { EraserRegular } from '@fluentui/react-icons/lib/atoms/svg/eraser';
import type { Lang } from '../../core/types';
import type { Task } from '../App';
import { p } from '../strings';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  primary: { width: '100%' },
});

interface Props {
  lang: Lang;
  busy: Task | null;
  hasResult: boolean;
  onValidate: () => void;
  onSummary: () => void;
  onClear: () => void;
  onExport: (kind: 'json' | 'csv') => void;
}

/**
 * The pane's commands. While Excel work runs they stay focusable but inert (disabledFocusable), so
 * keyboard users keep their place and nothing starts twice.
 */
export function Actions({ lang, busy, hasResult, onValidate, onSummary, onClear, onExport }: Props) {
  const styles = useStyles();
  const running = busy !== null;
  return (
    <div className={styles.bar} role="group" aria-label={p('actions', lang)}>
      <Button
        appearance="primary"
        size="large"
        className={styles.primary}
        icon={<CheckmarkCircleRegular />}
        aria-label={p('validateLabel', lang)}
        data-focus-home=""
        disabledFocusable={running}
        onClick={onValidate}
      >
        {p('validate', lang)}
      </Button>
      <div className={styles.row}>
        <Button icon={<DataBarVerticalRegular />} disabledFocusable={running} onClick={onSummary}>
          {p('insertSummary', lang)}
        </Button>
        <Button icon={<EraserRegular />} disabledFocusable={running} onClick={onClear}>
          {p('clearHighlights', lang)}
        </Button>
      </div>
      {hasResult ? (
        <div className={styles.row}>
          <Button size="small" icon={<ArrowDownloadRegular />} disabledFocusable={running} onClick={() => onExport('json')}>
            {p('exportJson', lang)}
          </Button>
          <Button size="small" icon={<ArrowDownloadRegular />} disabledFocusable={running} onClick={() => onExport('csv')}>
            {p('exportCsv', lang)}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
