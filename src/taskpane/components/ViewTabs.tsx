import { useRef, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses } from '@fluentui/react-components';
import { tokens } from '../tokens';

const useStyles = makeStyles({
  list: { display: 'flex', gap: '4px', padding: '0 8px' },
  tab: {
    position: 'relative',
    padding: '10px',
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    '::after': {
      content: '""',
      position: 'absolute',
      left: '10px',
      right: '10px',
      bottom: '2px',
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: 'transparent',
    },
    '@media (forced-colors: active)': { ':focus-visible': { outlineColor: 'Highlight' } },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'Highlight' } },
  },
  // The label and, hidden, its semibold twin in one grid cell: the tab keeps its width when selected.
  label: { display: 'inline-grid' },
  layer: { gridArea: '1 / 1' },
  reserve: { gridArea: '1 / 1', visibility: 'hidden', fontWeight: tokens.fontWeightSemibold },
});

export interface ViewTab<V extends string> {
  value: V;
  label: string;
}

/**
 * The pane's tabs (WAI-ARIA tabs with manual activation): one tab stop, ← → Home End move the
 * focus, Enter or Space (or a click) selects.
 */
export function ViewTabs<V extends string>({
  tabs,
  selected,
  onSelect,
  onPrefetch,
  label,
  idPrefix,
}: {
  tabs: ViewTab<V>[];
  selected: V;
  onSelect: (v: V) => void;
  /** The pointer or the focus is on a tab: a view that is its own script can be fetched ahead. */
  onPrefetch?: (v: V) => void;
  label: string;
  /** Tab ids are `${idPrefix}-${value}` (for the panel's aria-labelledby). */
  idPrefix: string;
}) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = [...(list.current?.querySelectorAll<HTMLElement>('[role="tab"]') ?? [])];
    const i = all.indexOf(e.target as HTMLElement);
    if (i < 0) return;
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % all.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + all.length) % all.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? all.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    all[to]!.focus();
  };
  return (
    <div ref={list} role="tablist" aria-label={label} className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.value}
          type="button"
          role="tab"
          id={`${idPrefix}-${t.value}`}
          aria-selected={t.value === selected}
          tabIndex={t.value === selected ? 0 : -1}
          className={mergeClasses(styles.tab, t.value === selected && styles.selected)}
          onClick={() => onSelect(t.value)}
          onPointerEnter={() => onPrefetch?.(t.value)}
          onFocus={() => onPrefetch?.(t.value)}
        >
          <span className={styles.label}>
            <span className={styles.layer}>{t.label}</span>
            <span className={styles.reserve} aria-hidden="true">
              {t.label}
            </span>
          </span>
        </button>
      ))}
    </div>
  );
}
