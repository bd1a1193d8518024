import { useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SpinButton,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowResetRegular, SaveRegular } from '@fluentui/react-icons';
import { roleLabel } from '../../core/i18n';
import { parseProfile, profileToJson, type Profile } from '../../core/profile';
import { ALL_RULES } from '../../core/rules';
import { ROLES, type Lang, type Role } from '../../core/types';
import { p } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '14px' },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    margin: 0,
    padding: '8px 10px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { padding: '0 4px', fontWeight: tokens.fontWeightSemibold },
  help: { color: tokens.colorNeutralForeground3 },
  grades: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: '6px 10px' },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  ruleId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
});

interface Props {
  lang: Lang;
  /** The profile in force (saved in the workbook, or the default). */
  profile: Profile;
  busy: boolean;
  onSave: (p: Profile | null) => void;
}

function clone(p: Profile): Profile {
  const r = parseProfile(profileToJson(p));
  return r.ok ? r.profile : p;
}

/** The profile editor: grade thresholds, required columns, checks on/off. */
export function Settings({ lang, profile, busy, onSave }: Props) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Profile>(() => clone(profile));
  const [base, setBase] = useState(profile);
  if (base !== profile) {
    setBase(profile);
    setDraft(clone(profile));
  }
  const checked = useMemo(() => parseProfile(profileToJson(draft)), [draft]);
  const dirty = JSON.stringify(profileToJson(draft)) !== JSON.stringify(profileToJson(profile));

  const setMin = (i: number, value: number | null | undefined) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    setDraft((d) => ({ ...d, gradeScale: d.gradeScale.map((s, j) => (j === i ? { ...s, minPercent: value } : s)) }));
  };
  const setColumn = (role: Role, on: boolean) =>
    setDraft((d) => ({
      ...d,
      requiredColumns: on
        ? ROLES.filter((r) => r === role || d.requiredColumns.includes(r))
        : d.requiredColumns.filter((r) => r !== role),
    }));
  const setRule = (id: string, on: boolean) =>
    setDraft((d) => {
      const rules = { ...d.rules };
      if (on) delete rules[id];
      else rules[id] = 'off';
      return { ...d, rules };
    });

  return (
    <form
      className={styles.root}
      aria-label={p('settings', lang)}
      onSubmit={(e) => {
        e.preventDefault();
        if (checked.ok) onSave(checked.profile);
      }}
    >
      <Text className={styles.help}>{p('settingsHelp', lang)}</Text>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{p('gradeScale', lang)}</legend>
        <Text size={200} className={styles.help}>
          {p('gradeScaleHelp', lang)}
        </Text>
        <div className={styles.grades}>
          {draft.gradeScale.map((step, i) => (
            <Field key={step.grade} label={p('gradeMin', lang, { grade: step.grade })}>
              <SpinButton
                value={step.minPercent}
                min={0}
                max={100000}
                step={5}
                onChange={(_, d) => setMin(i, d.value ?? (d.displayValue !== undefined ? Number(d.displayValue) : null))}
              />
            </Field>
          ))}
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{p('requiredColumns', lang)}</legend>
        <div className={styles.columns}>
          {ROLES.map((role) => (
            <Checkbox
              key={role}
              label={roleLabel(role, lang)}
              checked={draft.requiredColumns.includes(role)}
              onChange={(_, d) => setColumn(role, d.checked === true)}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{p('rules', lang)}</legend>
        {ALL_RULES.map((rule) => (
          <Switch
            key={rule.id}
            checked={draft.rules[rule.id] !== 'off'}
            onChange={(_, d) => setRule(rule.id, d.checked)}
            label={
              <>
                {rule.description[lang]} <span className={styles.ruleId}>{rule.id}</span>
              </>
            }
          />
        ))}
      </fieldset>

      {!checked.ok ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{p('settingsInvalid', lang)}</MessageBarTitle>
            <ul>
              {checked.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : dirty ? (
        <Text role="status">{p('unsaved', lang)}</Text>
      ) : null}

      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabledFocusable={busy || !checked.ok || !dirty}>
          {p('saveSettings', lang)}
        </Button>
        <Button icon={<ArrowResetRegular />} disabledFocusable={busy} onClick={() => onSave(null)}>
          {p('resetSettings', lang)}
        </Button>
      </div>
    </form>
  );
}
