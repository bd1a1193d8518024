import { profileToJson, type Profile } from '../core/profile';
import type { Localized } from '../core/types';
import { ps as p, type SettingsKey } from './settingsStrings';

/** What is wrong with each field of the Settings form, in both languages, to show next to the field. */
export interface FieldErrors {
  /** By index into the grade scale: the threshold field of that step. */
  steps: Record<number, Localized>;
  headerRow?: Localized;
  noKpiGrade?: Localized;
}

function both(key: SettingsKey, data: Record<string, string | number>): Localized {
  return { ja: p(key, 'ja', data), en: p(key, 'en', data) };
}

/** True when the draft would save something other than the profile in force. */
export function isDirty(draft: Profile | null, profile: Profile): boolean {
  return draft !== null && JSON.stringify(profileToJson(draft)) !== JSON.stringify(profileToJson(profile));
}

/**
 * Field-level checks of the draft, so the message sits at the field the user typed in (the profile
 * schema, which the save still goes through, names the key but not the field).
 */
export function fieldErrors(
  draft: Profile,
  unreadable: Record<number, boolean> = {},
  headerRowText: string | null = null,
): FieldErrors {
  const steps: FieldErrors['steps'] = {};
  draft.gradeScale.forEach((st, i) => {
    const prev = draft.gradeScale[i - 1];
    if (unreadable[i]) steps[i] = both('errNotNumber', { grade: st.grade });
    else if (st.minPercent !== undefined && Math.abs(st.minPercent) > 100000) steps[i] = both('errRange', { grade: st.grade });
    else if (st.minPercent !== undefined && prev?.minPercent !== undefined && st.minPercent >= prev.minPercent)
      steps[i] = both('errOrder', { grade: st.grade, prev: prev.grade, min: prev.minPercent });
  });
  const out: FieldErrors = { steps };
  if (headerRowText !== null) out.headerRow = both('errHeaderRow', { text: headerRowText });
  const mark = draft.noKpiGrade;
  if (mark === '' || [...mark].length > 12) out.noKpiGrade = both('errNoKpiGrade', {});
  else if (draft.gradeScale.some((st) => st.grade === mark)) out.noKpiGrade = both('errNoKpiOnScale', { mark });
  return out;
}
