/**
 * Column mapping and the rest of Settings (issue 8, point 2): a table the engine does not recognise
 * validates once the user says which column is which; the grade presets, required cells, placeholders
 * and header spellings are saved in the workbook's profile.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { roleLabel, t } from '../../src/core/i18n';
import { GRADE_PRESETS } from '../../src/core/gradeScales';
import type { Role } from '../../src/core/types';
import { openPreview, pane, startSession, validateButton, type Session } from './harness';

let s: Session;

beforeAll(async () => {
  s = await startSession();
});

afterAll(async () => {
  await s?.close();
});

/** A table in words the engine does not know as headers (なかみ, めあて, 結果, ひょうか, 担当). */
async function unusualTable(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('事業一覧');
  ws.addRows([
    ['No', '事業', 'なかみ', 'めあて', '結果', 'ひょうか', '担当'],
    [1, 'A事業', '研修を実施', '研修 10回', '研修 8回', 'A', '福祉課'],
    [2, 'B事業', '相談窓口', '相談 100件', '相談 120件', 'A', '福祉課'],
    [3, 'C事業', '啓発', '講座 20回', '講座 5回', '', '健康課'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const savedProfile = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { kpiPreview: { sim: { settings: Record<string, unknown> } } }).kpiPreview.sim.settings[
        'kpiCheck.profile'
      ] as Record<string, unknown> | undefined,
  );

/** Choose in a Dropdown with the mouse, as most users do (the portal of the list must not cover the pane). */
async function pick(page: Page, combobox: string, option: string): Promise<void> {
  const box = pane(page).getByRole('combobox', { name: combobox });
  await box.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  expect(await box.getAttribute('aria-expanded')).toBe('false');
}

it('mapping the columns of an unrecognised table in Settings makes it validate', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await page
      .locator('#open-file')
      .setInputFiles({ name: 'jigyo.xlsx', mimeType: 'application/octet-stream', buffer: await unusualTable() });
    await page.locator('#book-name', { hasText: 'jigyo.xlsx' }).waitFor();
    await pane(page).getByText('このシートには進捗管理表が見つかりませんでした', { exact: false }).waitFor();
    await pane(page).getByRole('tab', { name: /^設定/ }).click();
    await pane(page)
      .getByText('「事業一覧」では表を認識できませんでした。見出しらしい 1 行目を表示しています', { exact: false })
      .waitFor();
    const map: [string, Role][] = [
      ['C: なかみ', 'initiative'],
      ['D: めあて', 'kpi_target'],
      ['E: 結果', 'kpi_actual'],
      ['F: ひょうか', 'grade'],
      ['G: 担当', 'agencies'],
    ];
    for (const [col, role] of map) await pick(page, `${col} の役割`, roleLabel(role, 'ja'));
    expect(await pane(page).getByRole('combobox', { name: 'F: ひょうか の役割' }).innerText()).toContain(
      roleLabel('grade', 'ja'),
    );
    await pane(page).getByRole('button', { name: 'ブックに保存' }).click();
    await pane(page).getByText('設定をブックに保存しました', { exact: false }).waitFor();
    expect((await savedProfile(page))?.columns).toEqual({
      initiative: 'C',
      kpi_target: 'D',
      kpi_actual: 'E',
      grade: 'F',
      agencies: 'G',
    });
    // Read again under the saved mapping: the table is found now.
    await pane(page).getByText('「事業一覧」の表の見出し（1 行目）です', { exact: false }).waitFor();
    await pane(page).getByRole('tab', { name: '結果' }).click();
    await validateButton(page).click();
    await pane(page).locator('li').first().waitFor();
    expect(await pane(page).getByText('進捗管理表の見出しが見つかりません', { exact: false }).count()).toBe(0);
    // The card now names the table the mapping made recognisable.
    await pane(page)
      .getByRole('region', { name: '検証したシート' })
      .locator('dt', { hasText: t('table', 'ja') })
      .waitFor();
    expect(w.errors).toEqual([]);
  } finally {
    await w.close();
  }
});

it('the grade scale presets, required cells, placeholders and header spellings are saved', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await pane(page).getByRole('tab', { name: /^設定/ }).click();
    await pick(page, '評価の区分', GRADE_PRESETS.symbols.name.ja);
    await pane(page).getByText('この区分（◎・○・△・×）には達成率の下限がないため', { exact: false }).waitFor();
    expect(await pane(page).getByRole('spinbutton').count()).toBe(0);
    await pane(page)
      .getByRole('group', { name: '空欄にできない欄' })
      .getByRole('checkbox', { name: roleLabel('remarks', 'ja') })
      .click();
    await pane(page).getByRole('textbox', { name: '仮の記入とみなす言葉' }).fill('調整中\n後日');
    await pane(page).getByText('見出しの別の書き方').click();
    await pane(page)
      .getByRole('textbox', { name: roleLabel('agencies', 'ja') })
      .fill('担当課、所管課');
    await pane(page).getByRole('button', { name: 'ブックに保存' }).click();
    await pane(page).getByText('設定をブックに保存しました', { exact: false }).waitFor();
    const saved = (await savedProfile(page))!;
    expect(saved.gradeScale).toBe('symbols');
    expect(saved.requiredCells).toContain('remarks');
    expect(saved.placeholders).toEqual(['調整中', '後日']);
    expect(saved.headerSpellings).toEqual({ agencies: ['担当課', '所管課'] });
    // Back to automatic: the scale is left to the engine again (not saved).
    await pick(page, '評価の区分', '自動（表の凡例・使われている区分から）');
    await pane(page).getByRole('button', { name: 'ブックに保存' }).click();
    await page.waitForFunction(
      () =>
        !(
          (window as unknown as { kpiPreview: { sim: { settings: Record<string, Record<string, unknown>> } } }).kpiPreview.sim
            .settings['kpiCheck.profile'] ?? {}
        ).gradeScale,
    );
  } finally {
    await w.close();
  }
});
