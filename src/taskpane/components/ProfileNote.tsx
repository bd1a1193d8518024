import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { describeProfileDifferences, isDefaultProfile, type ProfileDifferences } from '../../core/profileDiff';
import type { Lang } from '../../core/types';
import { ruleTitle } from '../ruleTitles';
import { p } from '../strings';

/**
 * The workbook's own settings differ from the default: said before anything is checked, with what they
 * change (a submitter may have switched a rule off), and a way to the Settings tab to see or reset them.
 * Settings saved in the workbook that are not valid are said too: the default is used instead.
 */
export function ProfileNote({
  lang,
  differences,
  invalid,
  onShow,
}: {
  lang: Lang;
  differences: ProfileDifferences | null;
  /** Why the saved settings are not used (empty: none saved, or valid). */
  invalid: string[];
  onShow: () => void;
}) {
  const show = (
    <MessageBarActions>
      <Button size="small" onClick={onShow}>
        {p('profileOwnShow', lang)}
      </Button>
    </MessageBarActions>
  );
  if (invalid.length)
    return (
      <MessageBar intent="warning" layout="multiline" aria-label={p('profileInvalidTitle', lang)}>
        <MessageBarBody>
          <MessageBarTitle>{p('profileInvalidTitle', lang)}</MessageBarTitle>
          {p('profileInvalidBody', lang)} <span>{invalid.join('; ')}</span>
        </MessageBarBody>
        {show}
      </MessageBar>
    );
  if (!differences || isDefaultProfile(differences)) return null;
  return (
    <MessageBar intent="warning" layout="multiline" aria-label={p('profileOwnTitle', lang)}>
      <MessageBarBody>
        <MessageBarTitle>{p('profileOwnTitle', lang)}</MessageBarTitle>
        {describeProfileDifferences('workbook', differences, lang, (id) => ruleTitle(id, lang))}
      </MessageBarBody>
      {show}
    </MessageBar>
  );
}
