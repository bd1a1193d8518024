import { useId } from 'react';
import { makeStyles } from '@fluentui/react-components';
import { tokens } from '../tokens';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: '8px', minHeight: '24px' },
  ring: {
    flexShrink: 0,
    boxSizing: 'border-box',
    width: '20px',
    height: '20px',
    borderRadius: '50%',
    border: `2px solid ${tokens.colorBrandStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { to: { transform: 'rotate(360deg)' } },
    animationDuration: '1s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media (prefers-reduced-motion: reduce)': { animationDuration: '3s' },
    '@media (forced-colors: active)': {
      borderTopColor: 'Highlight',
      borderRightColor: 'CanvasText',
      borderBottomColor: 'CanvasText',
      borderLeftColor: 'CanvasText',
    },
  },
  label: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

/** What the pane is doing, with a turning ring (a progressbar named by its label, as Fluent's Spinner). */
export function Busy({ label }: { label: string }) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.root} role="progressbar" aria-labelledby={id}>
      <span className={styles.ring} aria-hidden="true" />
      <span id={id} className={styles.label}>
        {label}
      </span>
    </div>
  );
}
