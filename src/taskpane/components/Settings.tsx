import { useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Option,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  SpinButton,
  Switch,
  Text,
  Textarea,
  makeStyles,
} from '@fluentui/react-components';
import { tokens } from '../tokens';
import { ArrowResetRegular } from '@fluentui/react-icons/lib/atoms/svg/arrow-reset';
import { DismissRegular } from '@fluentui/react-icons/lib/atoms/svg/dismiss';
import { SaveRegular } from '@fluentui/react-icons/lib/atoms/svg/save';
import { colToLetters } from '../../core/a1';
import { GRADE_PRESETS, GRADE_PRESET_IDS, presetSteps, type GradePresetId } from '../../core/gradeScales';
import { roleLabel } from '../../core/i18n';
import { DEFAULT_GRADE_SCALE, gradeScaleIsAuto, profileToJson, type Profile } from '../../core/profile';
import { parseProfile } from '../../core/profileSchema';
import type { HeaderChoice } from '../../office/host';
import { ALL_RULES } from '../../core/rules';
import { ROLES, type Lang, type Role } from '../../core/types';
import { ruleTitle } from '../ruleTitles';
import { fieldErrors, isDirty, type FieldErrors } from '../settingsForm';
import { ps as p } from '../settingsStrings';

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
  mapping: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(9em, 1fr)', gap: '6px 8px', alignItems: 'center' },
  mapLabel: { overflowWrap: 'anywhere' },
  mapCol: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginRight: '4px' },
  dropdown: { minWidth: '9em', width: '100%' },
  spellings: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: '6px 10px' },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
});

const AUTO = '';
const CUSTOM = 'custom';

/** Words of a text field: one per line or separated by 、 or commas. */
function words(text: string): string[] {
  return text
    .split(/[\n,、，]/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

interface Props {
  lang: Lang;
  /** The profile in force (saved in the workbook, or the default). */
  profile: Profile;
  /** The edits not saved yet (kept by the pane across tab changes), or null when there are none. */
  draft: Profile | null;
  onDraft: (d: Profile | null) => void;
  busy: boolean;
  onSave: (p: Profile | null) => void;
  /** The header cells to map (of the table found, or the candidate row); null when the sheet has none, undefined while read. */
  choice: HeaderChoice | null | undefined;
  /** Read the header cells again under the draft (after a change of the header row or the mapping). */
  onReread: () => void;
}

function clone(p: Profile): Profile {
  const r = parseProfile(profileToJson(p));
  return r.ok ? r.profile : p;
}

/** The profile editor: grade thresholds, required columns, checks on/off; Save / Cancel always in view. */
export function Settings({ lang, profile, draft: edits, onDraft, busy, onSave, choice, onReread }: Props) {
  const styles = useStyles();
  const draft = edits ?? profile;
  /** Thresholds typed that are not numbers: the field shows the error, the draft keeps its last good value. */
  const [unreadable, setUnreadable] = useState<Record<number, boolean>>({});
  const [confirmReset, setConfirmReset] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  /** The header row as typed (kept while it is not a valid row number). */
  const [headerRowText, setHeaderRowText] = useState<string | null>(null);
  /** Bumped on Cancel and reset: the free-text fields (typed as the user likes) start again from the draft. */
  const [formKey, setFormKey] = useState(0);
  const errors: FieldErrors = fieldErrors(draft, unreadable, headerRowText);
  const checked = parseProfile(profileToJson(draft));
  const fieldCount = Object.keys(errors.steps).length + (errors.headerRow ? 1 : 0) + (errors.noKpiGrade ? 1 : 0);
  const nErrors = fieldCount + (checked.ok || fieldCount ? 0 : 1);
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
    setHeaderRowText(null);
    setFormKey((k) => k + 1);
    onDraft(null);
  };
  const preset: string = gradeScaleIsAuto(draft) ? AUTO : (draft.gradePreset ?? CUSTOM);
  const presetName = (id: string) =>
    id === AUTO ? p('scaleAuto', lang) : id === CUSTOM ? p('scaleCustom', lang) : GRADE_PRESETS[id as GradePresetId].name[lang];
  const setPreset = (id: string) =>
    edit((d) =>
      id === AUTO
        ? { ...d, gradeScale: DEFAULT_GRADE_SCALE as Profile['gradeScale'], gradePreset: null }
        : { ...d, gradeScale: presetSteps(id as GradePresetId), gradePreset: id as GradePresetId },
    );
  const setCell = (role: Role, on: boolean) =>
    edit((d) => ({
      ...d,
      requiredCells: on
        ? ROLES.filter((r) => r === role || d.requiredCells.includes(r))
        : d.requiredCells.filter((r) => r !== role),
    }));
  /** Map a column (by letter) to a role, or back to automatic; a role has one column, a column one role. */
  const mapColumn = (letter: string, role: string) =>
    edit((d) => {
      const columns = Object.fromEntries(
        Object.entries(d.columns).filter(([, v]) => v?.toUpperCase() !== letter),
      ) as Profile['columns'];
      if (role !== AUTO) columns[role as Role] = letter;
      return { ...d, columns };
    });
  const setHeaderRow = (text: string) => {
    const t = text.normalize('NFKC').trim();
    const n = Number(t);
    const ok = t === '' || (/^\d+$/.test(t) && n >= 1 && n <= 1048576);
    setHeaderRowText(ok ? null : text);
    if (ok) edit((d) => ({ ...d, headerRow: t === '' ? null : n }));
  };
  const setSpellings = (role: Role, text: string) =>
    edit((d) => {
      const headerSpellings = { ...d.headerSpellings };
      const list = words(text);
      if (list.length) headerSpellings[role] = list;
      else delete headerSpellings[role];
      return { ...d, headerSpellings };
    });
  /** Each column of the header (both rows of a two-row header), with the texts written in it. */
  const mapColumns = (() => {
    if (!choice) return [];
    const byCol = new Map<number, { texts: string[]; role?: Role }>();
    for (const c of choice.cells) {
      const e = byCol.get(c.col) ?? { texts: [] };
      e.texts.push(c.text.replace(/\s+/g, ' ').trim());
      if (c.role && !e.role) e.role = c.role;
      byCol.set(c.col, e);
    }
    return [...byCol.entries()].sort((a, b) => a[0] - b[0]).map(([col, e]) => ({ letter: colToLetters(col), ...e }));
  })();
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
        <legend className={styles.legend}>{p('mapping', lang)}</legend>
        <Text size={200} className={styles.help}>
          {choice === undefined
            ? p('mappingReading', lang)
            : choice === null
              ? p('mappingNone', lang)
              : p(choice.found ? 'mappingFound' : 'mappingCandidate', lang, { row: choice.row + 1, sheet: choice.sheet })}
        </Text>
        <Field
          label={p('headerRow', lang)}
          validationState={errors.headerRow ? 'error' : 'none'}
          validationMessage={errors.headerRow?.[lang]}
          hint={p('headerRowHint', lang)}
        >
          <Input
            inputMode="numeric"
            value={headerRowText ?? (draft.headerRow === null ? '' : String(draft.headerRow))}
            placeholder={choice ? p('headerRowAuto', lang, { row: choice.row + 1 }) : ''}
            onChange={(_, d) => setHeaderRow(d.value)}
          />
        </Field>
        {mapColumns.length ? (
          <div className={styles.mapping}>
            {mapColumns.map((c) => {
              const mapped = (Object.entries(draft.columns) as [Role, string][]).find(
                ([, v]) => v.toUpperCase() === c.letter,
              )?.[0];
              const value = mapped ?? AUTO;
              const label = `${c.letter}: ${c.texts.join(' / ')}`;
              const shown = mapped
                ? roleLabel(mapped, lang)
                : p('roleAuto', lang, { role: c.role ? roleLabel(c.role, lang) : p('roleNone', lang) });
              return (
                <div key={c.letter} style={{ display: 'contents' }}>
                  <Text className={styles.mapLabel} id={`map-${c.letter}`}>
                    <span className={styles.mapCol}>{c.letter}</span>
                    {c.texts.join(' / ')}
                  </Text>
                  <Dropdown
                    className={styles.dropdown}
                    aria-label={p('mapRole', lang, { column: label })}
                    value={shown}
                    selectedOptions={[value]}
                    onOptionSelect={(_, d) => mapColumn(c.letter, d.optionValue ?? AUTO)}
                  >
                    <Option
                      value={AUTO}
                      text={p('roleAuto', lang, { role: c.role ? roleLabel(c.role, lang) : p('roleNone', lang) })}
                    >
                      {p('roleAuto', lang, { role: c.role ? roleLabel(c.role, lang) : p('roleNone', lang) })}
                    </Option>
                    {ROLES.map((r) => (
                      <Option key={r} value={r} text={roleLabel(r, lang)}>
                        {roleLabel(r, lang)}
                      </Option>
                    ))}
                  </Dropdown>
                </div>
              );
            })}
          </div>
        ) : null}
        <div>
          <Button size="small" disabledFocusable={busy} onClick={onReread}>
            {p('mappingReread', lang)}
          </Button>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{p('gradeScale', lang)}</legend>
        <Field label={p('scalePreset', lang)}>
          <Dropdown
            value={presetName(preset)}
            selectedOptions={[preset]}
            onOptionSelect={(_, d) => setPreset(d.optionValue ?? AUTO)}
          >
            {[AUTO, ...GRADE_PRESET_IDS, ...(preset === CUSTOM ? [CUSTOM] : [])].map((id) => (
              <Option key={id} value={id} text={presetName(id)}>
                {presetName(id)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Text size={200} className={styles.help}>
          {draft.gradeScale.every((st) => st.minPercent !== undefined)
            ? p('gradeScaleHelp', lang)
            : p('scaleNoThresholds', lang, { grades: draft.gradeScale.map((st) => st.grade).join('・') })}
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
        <legend className={styles.legend}>{p('requiredCells', lang)}</legend>
        <div className={styles.columns}>
          {ROLES.map((role) => (
            <Checkbox
              key={role}
              label={roleLabel(role, lang)}
              checked={draft.requiredCells.includes(role)}
              onChange={(_, d) => setCell(role, d.checked === true)}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{p('words', lang)}</legend>
        <Field
          label={p('noKpiGrade', lang)}
          validationState={errors.noKpiGrade ? 'error' : 'none'}
          validationMessage={errors.noKpiGrade?.[lang]}
        >
          <Input value={draft.noKpiGrade} onChange={(_, d) => edit((x) => ({ ...x, noKpiGrade: d.value.trim() }))} />
        </Field>
        <Field label={p('placeholders', lang)} hint={p('wordsHint', lang)}>
          <Textarea
            key={formKey}
            defaultValue={draft.placeholders.join('\n')}
            resize="vertical"
            onChange={(_, d) => edit((x) => ({ ...x, placeholders: words(d.value) }))}
          />
        </Field>
        <details>
          <summary className={styles.summary}>{p('headerSpellings', lang)}</summary>
          <Text size={200} className={styles.help}>
            {p('headerSpellingsHelp', lang)}
          </Text>
          <div className={styles.spellings}>
            {ROLES.map((role) => (
              <Field key={role} label={roleLabel(role, lang)}>
                <Input
                  key={formKey}
                  defaultValue={(draft.headerSpellings[role] ?? []).join('、')}
                  onChange={(_, d) => setSpellings(role, d.value)}
                />
              </Field>
            ))}
          </div>
        </details>
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

      {!checked.ok && nErrors > fieldCount ? (
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
                setHeaderRowText(null);
                setFormKey((k) => k + 1);
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
        <Button
          disabledFocusable={busy || (!dirty && !Object.values(unreadable).some(Boolean) && headerRowText === null)}
          onClick={cancel}
        >
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
