import { useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  SpinButton,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowResetRegular, DismissRegular, SaveRegular } from '@fluentui/react-icons';
import { roleLabel } from '../../core/i18n';
import { parseProfile, profileToJson, type Profile } from '../../core/profile';
import { ALL_RULES } from '../../core/rules';
import { ROLES, type Lang, type Role } from '../../core/types';
import { ruleTitle } from '../ruleTitles';
import { fieldErrors, type FieldErrors } from '../settingsForm';
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
  bar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '8px',
    padding: '8px 0',
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  barText: { flexBasis: '100%' },
  invalid: { color: tokens.colorPaletteRedForeground1 },
});

interface Props {
  lang: Lang;
  /** The profile in force (saved in the workbook, or the default). */
  profile: Profile;
  /** The edits not saved yet (kept by the pane across tab changes), or null when there are none. */
  draft: Profile | null;
  onDraft: (d: Profile | null) => void;
  busy: boolean;
  onSave: (p: Profile | null) => void;
}

function clone(p: Profile): Profile {
  const r = parseProfile(profileToJson(p));
  return r.ok ? r.profile : p;
}

/** True when the draft would save something other than the profile in force. */
export function isDirty(draft: Profile | null, profile: Profile): boolean {
  return draft !== null && JSON.stringify(profileToJson(draft)) !== JSON.stringify(profileToJson(profile));
}

/** The profile editor: grade thresholds, required columns, checks on/off; Save / Cancel always in view. */
export function Settings({ lang, profile, draft: edits, onDraft, busy, onSave }: Props) {
  const styles = useStyles();
  const draft = edits ?? profile;
  /** Thresholds typed that are not numbers: the field shows the error, the draft keeps its last good value. */
  const [unreadable, setUnreadable] = useState<Record<number, boolean>>({});
  const [confirmReset, setConfirmReset] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const errors: FieldErrors = fieldErrors(draft, unreadable);
  const checked = parseProfile(profileToJson(draft));
  const nErrors = Object.keys(errors.steps).length + (checked.ok || Object.keys(errors.steps).length ? 0 : 1);
  const dirty = isDirty(edits, profile);

  const edit = (f: (d: Profile) => Profile) => onDraft(f(edits ?? clone(profile)));
  const setMin = (i: number, value: number | null | undefined) => {
    const ok = value !== null && value !== undefined && Number.isFinite(value);
    setUnreadable((u) => ({ ...u, [i]: !ok }));
    if (!ok) return;
    edit((d) => ({
      ...d,
      gradeScale: d.gradeScale.map((s, j) => (j === i ? { ...s, minPercent: value } : s)),
      gradePreset: null,
    }));
  };
  const setColumn = (role: Role, on: boolean) =>
    edit((d) => ({
      ...d,
      requiredColumns: on
        ? ROLES.filter((r) => r === role || d.requiredColumns.includes(r))
        : d.requiredColumns.filter((r) => r !== role),
      // A column that is not required has no required cells either.
      requiredCells: on ? d.requiredCells : d.requiredCells.filter((r) => r !== role),
    }));
  const setRule = (id: string, on: boolean) =>
    edit((d) => {
      const rules = { ...d.rules };
      if (on) delete rules[id];
      else rules[id] = 'off';
      return { ...d, rules };
    });
  const cancel = () => {
    setUnreadable({});
    onDraft(null);
  };
  const firstInvalid = () => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();

  return (
    <form
      ref={form}
      className={styles.root}
      aria-label={p('settings', lang)}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (nErrors === 0 && checked.ok) onSave(checked.profile);
        else firstInvalid();
      }}
    >
      <Text className={styles.help}>{p('settingsHelp', lang)}</Text>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{p('gradeScale', lang)}</legend>
        <Text size={200} className={styles.help}>
          {p('gradeScaleHelp', lang)}
        </Text>
        <div className={styles.grades}>
          {draft.gradeScale.map((step, i) =>
            step.minPercent === undefined ? null : (
              <Field
                key={step.grade}
                label={p('gradeMin', lang, { grade: step.grade })}
                validationState={errors.steps[i] ? 'error' : 'none'}
                validationMessage={errors.steps[i]?.[lang]}
              >
                <SpinButton
                  value={step.minPercent}
                  min={-100000}
                  max={100000}
                  step={5}
                  onChange={(_, d) => setMin(i, d.value ?? (d.displayValue !== undefined ? parsePercent(d.displayValue) : null))}
                />
              </Field>
            ),
          )}
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
            label={ruleTitle(rule.id, lang)}
            title={rule.description[lang]}
          />
        ))}
      </fieldset>

      {!checked.ok && nErrors > Object.keys(errors.steps).length ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {p('settingsInvalid', lang)}: {checked.errors.join(' · ')}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {confirmReset ? (
        <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={p('resetConfirmTitle', lang)}>
          <MessageBarBody>{p('resetConfirm', lang)}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={p('dismiss', lang)}
                icon={<DismissRegular />}
                onClick={() => {
                  setConfirmReset(false);
                  resetButton.current?.focus();
                }}
              />
            }
          >
            <Button
              appearance="primary"
              autoFocus
              onClick={() => {
                setConfirmReset(false);
                setUnreadable({});
                onDraft(null);
                onSave(null);
              }}
            >
              {p('resetDo', lang)}
            </Button>
            <Button
              onClick={() => {
                setConfirmReset(false);
                resetButton.current?.focus();
              }}
            >
              {p('cancel', lang)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      <div className={styles.bar} role="group" aria-label={p('settingsActions', lang)}>
        <Text role="status" className={nErrors ? `${styles.barText} ${styles.invalid}` : styles.barText}>
          {nErrors ? p('fieldErrors', lang, { n: nErrors }) : dirty ? p('unsaved', lang) : p('noChanges', lang)}
        </Text>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabledFocusable={busy || !dirty}>
          {p('saveSettings', lang)}
        </Button>
        <Button disabledFocusable={busy || (!dirty && !Object.values(unreadable).some(Boolean))} onClick={cancel}>
          {p('cancel', lang)}
        </Button>
        <Button ref={resetButton} icon={<ArrowResetRegular />} disabledFocusable={busy} onClick={() => setConfirmReset(true)}>
          {p('resetSettings', lang)}
        </Button>
      </div>
    </form>
  );
}

/** "85", "85%", "８５" → 85; anything else → null. */
function parsePercent(text: string): number | null {
  const t = text.normalize('NFKC').replace(/%$/, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}
