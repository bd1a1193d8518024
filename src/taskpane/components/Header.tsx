import { Button, makeStyles } from '@fluentui/react-components';
import { tokens } from '../tokens';
import { LocalLanguageRegular } from '@fluentui/react-icons/lib/atoms/svg/local-language';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/types';
import { p } from '../strings';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '8px',
    padding: '10px 12px 4px',
  },
  lang: { whiteSpace: 'nowrap', flexShrink: 0, minWidth: 'max-content' },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function Header({ lang, onLang }: { lang: Lang; onLang: (l: Lang) => void }) {
  const styles = useStyles();
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>{t('appName', lang)}</h1>
      <Button
        size="small"
        appearance="subtle"
        icon={<LocalLanguageRegular />}
        aria-label={p('switchToLabel', lang)}
        className={styles.lang}
        onClick={() => onLang(other)}
      >
        <span lang={other}>{p('switchTo', lang)}</span>
      </Button>
    </header>
  );
}
