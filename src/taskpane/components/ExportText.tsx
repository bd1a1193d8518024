import { useEffect, useRef } from 'react';
import { Button, makeStyles } from '@fluentui/react-components';
import { tokens } from '../tokens';
import type { Lang } from '../../core/types';
import { p } from '../strings';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '6px' },
  text: {
    width: '100%',
    boxSizing: 'border-box',
    minHeight: '8em',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
});

/** An export the host could neither download nor copy: the text, selected, to copy by hand. */
export function ExportText({ lang, name, text, onClose }: { lang: Lang; name: string; text: string; onClose: () => void }) {
  const styles = useStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    area.current?.focus();
    area.current?.select();
  }, [text]);
  return (
    <div className={styles.box}>
      <textarea
        ref={area}
        className={styles.text}
        readOnly
        value={text}
        aria-label={p('exportTextLabel', lang, { file: name })}
        onFocus={(e) => e.currentTarget.select()}
      />
      <Button size="small" onClick={onClose}>
        {p('close', lang)}
      </Button>
    </div>
  );
}
