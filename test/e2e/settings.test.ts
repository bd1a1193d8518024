/**
 * Settings that behave (issue 8, point 3): errors at their field, Save / Cancel always in view, unsaved
 * changes kept across tabs, reset only after a confirmation, titles instead of rule ids, headings
 * from the saved profile, results checked again after saving.
 */
import type { Page } from 'playwright-core';
import { ruleTitle } from '../../src/taskpane/ruleTitles';
import { draftWithMissing, findingButton, openPreview, pane, shot, startSession, validateButton, type Session } from './harness';

let s: Session;
let missingCell: string;

beforeAll(async () => {
  s = await startSession();
  ({ missingCell } = await draftWithMissing());
});

afterAll(async () => {
  await s?.close();
});

const settingsTab = (page: Page) => pane(page).getByRole('tab', { name: /^設定/ });
const savedProfile = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { kpiPreview: { sim: { settings: Record<string, unknown> } } }).kpiPreview.sim.settings[
        'kpiCheck.profile'
      ],
  );

it('an invalid threshold is marked at its field, and the Save bar stays in view while scrolling', async () => {
  const w = await openPreview(s, '', { width: 1000, height: 560 });
  const { page } = w;
  try {
    await settingsTab(page).click();
    const save = pane(page).getByRole('button', { name: 'ブックに保存' });
    const inView = async () => {
      const box = (await save.boundingBox())!;
      const paneBox = (await pane(page).boundingBox())!;
      return box.y >= paneBox.y && box.y + box.height <= paneBox.y + paneBox.height + 1;
    };
    expect(await inView()).toBe(true);
    await pane(page).evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    expect(await inView()).toBe(true);
    const c = pane(page).getByRole('spinbutton', { name: 'C の下限（%）' });
    await c.fill('abc');
    await c.press('Tab');
    await pane(page).getByText('C の下限を数値で入力してください（例: 80）').waitFor();
    expect(await c.getAttribute('aria-invalid')).toBe('true');
    await c.fill('90');
    await c.press('Tab');
    await pane(page).getByText('C の下限は B の下限（80%）より小さくしてください').waitFor();
    expect(await c.getAttribute('aria-invalid')).toBe('true');
    expect(await pane(page).getByText('1 か所に誤りがあります', { exact: false }).count()).toBe(1);
    await c.fill('60');
    await c.press('Tab');
    await pane(page).getByText('保存していない変更があります。').waitFor();
    expect(await c.getAttribute('aria-invalid')).not.toBe('true');
    // Rule titles, not ids, anywhere in the settings.
    const text = (await pane(page).locator('form').innerText()) ?? '';
    expect(text).not.toMatch(/missing-grade|grade-mismatch|stray-whitespace/);
    expect(
      await pane(page)
        .getByRole('switch', { name: ruleTitle('grade-mismatch', 'ja') })
        .count(),
    ).toBe(1);
    await shot(page, '20-settings-field-error');
  } finally {
    await w.close();
  }
});

it('unsaved changes survive a tab change; Cancel drops them; reset asks first', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await settingsTab(page).click();
    const sw = pane(page).getByRole('switch', { name: ruleTitle('stray-whitespace', 'ja') });
    await sw.click();
    expect(await sw.isChecked()).toBe(false);
    await pane(page).getByRole('tab', { name: '結果' }).click();
    await pane(page).getByRole('tab', { name: '設定（未保存）' }).waitFor();
    await pane(page).getByText('保存していない設定の変更があります', { exact: false }).waitFor();
    await settingsTab(page).click();
    expect(
      await pane(page)
        .getByRole('switch', { name: ruleTitle('stray-whitespace', 'ja') })
        .isChecked(),
    ).toBe(false);
    await pane(page).getByRole('button', { name: '取り消す' }).click();
    expect(
      await pane(page)
        .getByRole('switch', { name: ruleTitle('stray-whitespace', 'ja') })
        .isChecked(),
    ).toBe(true);
    expect(await savedProfile(page)).toBeUndefined();

    // Saved settings, then 既定に戻す: nothing happens before the confirmation.
    await pane(page)
      .getByRole('switch', { name: ruleTitle('stray-whitespace', 'ja') })
      .click();
    await pane(page).getByRole('button', { name: 'ブックに保存' }).click();
    await pane(page).getByText('設定をブックに保存しました', { exact: false }).waitFor();
    expect(await savedProfile(page)).toEqual({ rules: { 'stray-whitespace': 'off' } });
    const reset = pane(page).getByRole('button', { name: '既定に戻す' });
    await reset.click();
    const dialog = pane(page).getByRole('alertdialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '取り消す' }).click();
    expect(await reset.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await savedProfile(page)).toEqual({ rules: { 'stray-whitespace': 'off' } });
    await reset.click();
    await dialog.getByRole('button', { name: '既定に戻す' }).click();
    await pane(page).getByText('既定の設定に戻しました', { exact: false }).waitFor();
    expect(await savedProfile(page)).toBeUndefined();
  } finally {
    await w.close();
  }
});

it('saving re-checks the sheet, and the headings show the saved thresholds', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await validateButton(page).click();
    await findingButton(page, missingCell).waitFor();
    const mismatch = ruleTitle('grade-mismatch', 'ja');
    expect(
      await pane(page)
        .getByRole('heading', { name: new RegExp(`^${mismatch}`) })
        .innerText(),
    ).not.toContain('%');
    await settingsTab(page).click();
    await pane(page)
      .getByRole('switch', { name: ruleTitle('missing-grade', 'ja') })
      .click();
    const b = pane(page).getByRole('spinbutton', { name: 'B の下限（%）' });
    await b.fill('75');
    await b.press('Tab');
    await pane(page).getByRole('button', { name: 'ブックに保存' }).click();
    await pane(page).getByText('設定をブックに保存し、シートを検証し直しました。').waitFor();
    // The untouched scale steps are saved with the one edited: the whole scale is the user's now.
    const saved = (await savedProfile(page)) as { gradeScale: { grade: string; minPercent: number }[] };
    expect(saved.gradeScale.map((x) => x.minPercent)).toEqual([120, 100, 75, 50, 0]);
    await pane(page).getByRole('tab', { name: '結果' }).click();
    await pane(page)
      .getByRole('heading', { name: /B 75%以上/ })
      .waitFor();
    expect(await findingButton(page, missingCell).count()).toBe(0);
    // The workbook's own settings are disclosed above the results: where they come from and what they change.
    const note = pane(page).getByRole('group', { name: 'このブックに保存された設定で検証します' });
    expect(await note.innerText()).toContain(
      '設定: ブックに保存された設定（既定と異なる点: 「達成度が未入力」を無効、達成度の区分）',
    );
    await shot(page, '23-settings-own-profile');
    await note.getByRole('button', { name: '設定を見る' }).click();
    await pane(page).getByRole('button', { name: 'ブックに保存' }).waitFor();
  } finally {
    await w.close();
  }
});

it('a user who did not touch the scale does not save it', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await settingsTab(page).click();
    const req = pane(page).getByRole('group', { name: '必須の列' }).getByRole('checkbox', { name: '備考' });
    await req.click();
    await pane(page).getByRole('button', { name: 'ブックに保存' }).click();
    await pane(page).getByText('設定をブックに保存しました', { exact: false }).waitFor();
    const saved = (await savedProfile(page)) as Record<string, unknown>;
    expect(Object.keys(saved).sort()).toEqual(['requiredCells', 'requiredColumns']);
    await pane(page).getByRole('tab', { name: '結果' }).click();
    await pane(page).getByText('既定と異なる点: 必須の', { exact: false }).waitFor();
    // Back to the default: nothing left to disclose.
    await settingsTab(page).click();
    await pane(page).getByRole('button', { name: '既定に戻す' }).click();
    await pane(page).getByRole('alertdialog').getByRole('button', { name: '既定に戻す' }).click();
    await pane(page).getByText('既定の設定に戻しました', { exact: false }).waitFor();
    await pane(page).getByRole('tab', { name: '結果' }).click();
    expect(await pane(page).getByText('既定と異なる点', { exact: false }).count()).toBe(0);
  } finally {
    await w.close();
  }
});

it('settings saved in the workbook that are not valid: said above the results, and the default is used', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await page.evaluate(() => {
      const sim = (window as unknown as { kpiPreview: { sim: Record<string, Record<string, unknown>> } }).kpiPreview.sim;
      for (const k of ['settings', 'savedSettings']) sim[k]!['kpiCheck.profile'] = { gradeScale: 'nonsense' };
    });
    // The ribbon's 検証 opens the pane again, which reads the workbook's settings and validates.
    await page.locator('#ribbon-validate').click();
    const note = pane(page).getByRole('group', { name: 'このブックに保存された設定を読めません' });
    await note.waitFor();
    expect(await note.innerText()).toContain('既定の設定で検証します');
    expect(await note.innerText()).toContain('gradeScale: unknown preset / 不明な区分のプリセット: nonsense');
    // The default is in force: the missing grade is reported.
    await findingButton(page, missingCell).waitFor();
    expect(await pane(page).getByText('既定と異なる点', { exact: false }).count()).toBe(0);
  } finally {
    await w.close();
  }
});
