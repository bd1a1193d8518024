/**
 * The pane in a real browser, for what must never happen (a cell's text running as HTML, requests
 * leaving the machine, a second run while one is going) and for keyboard-only use.
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import { toA1 } from '../../src/core/a1';
import type { CheckResult } from '../../src/core/engine';
import {
  expected,
  findingButton,
  foreignRequests,
  gridCell,
  openPreview,
  pane,
  ROOT,
  shot,
  startSession,
  validateButton,
  type Session,
} from './harness';

const HOSTILE = 'K15';
let s: Session;
let draft: CheckResult;
let missingCell: string;

beforeAll(async () => {
  s = await startSession();
  draft = await expected('sample-draft.xlsx');
  const f = draft.findings.find((x) => x.ruleId === 'missing-grade')!;
  missingCell = toA1(f.row!, f.col!);
});

afterAll(async () => {
  await s?.close();
});

it('a cell holding <img src=x onerror=…> shows those characters and runs nothing', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    const text = await gridCell(page, HOSTILE).textContent();
    expect(text).toMatch(/^<img src=x onerror=.+>$/);
    await validateButton(page).click();
    await findingButton(page, missingCell).waitFor();
    // Wherever the pane quotes cell text, it is text: the page holds no element made from it.
    expect(await page.locator('img[src="x"], #sheet img, #pane img').count()).toBe(0);
    const paneText = (await pane(page).textContent()) ?? '';
    if (paneText.includes('<img')) expect(paneText).toContain('<img src=x');
    await page.waitForTimeout(300);
    expect(w.dialogs).toEqual([]);
    expect(w.requests.filter((u) => /\/x$/.test(new URL(u).pathname))).toEqual([]);
    expect(foreignRequests(w, s.url)).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    await gridCell(page, HOSTILE).scrollIntoViewIfNeeded();
    await shot(page, '10-hostile-cell');
  } finally {
    await w.close();
  }
});

it('a finding that quotes a hostile cell shows its characters in the pane and runs nothing', async () => {
  // The draft with its invalid grade (G6) replaced by markup: invalid-grade quotes the cell's text
  // (up to 20 characters, which this fits).
  const hostile = '<svg/onload=alert()>';
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(ROOT, 'seeds', 'sample-draft.xlsx'));
  wb.worksheets[0]!.getCell('G6').value = hostile;
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const w = await openPreview(s);
  const { page } = w;
  try {
    await page.locator('#open-file').setInputFiles({ name: 'hostile.xlsx', mimeType: 'application/octet-stream', buffer });
    await page.locator('#book-name', { hasText: 'hostile.xlsx' }).waitFor();
    await validateButton(page).click();
    const item = findingButton(page, 'G6').filter({ hasText: `「${hostile}」` });
    await item.waitFor();
    expect(await item.textContent()).toContain(hostile);
    expect(await gridCell(page, 'G6').textContent()).toBe(hostile);
    expect(await page.locator('svg[onload], [onload], [onerror]').count()).toBe(0);
    expect(w.dialogs).toEqual([]);
    expect(foreignRequests(w, s.url)).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    await item.scrollIntoViewIfNeeded();
    await shot(page, '14-hostile-finding');
  } finally {
    await w.close();
  }
});

it('the pane page itself carries a strict Content-Security-Policy', async () => {
  const w = await openPreview(s);
  try {
    const csp = await w.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // An inline script is refused by the policy.
    const ran = await w.page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__inline = true';
      document.body.appendChild(el);
      return (window as unknown as { __inline?: boolean }).__inline === true;
    });
    expect(ran).toBe(false);
  } finally {
    await w.close();
  }
});

it('Validate cannot be started twice while it runs', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    // Each round trip to the (simulated) workbook now takes 300 ms, as on a slow connection.
    const before = await page.evaluate(() => {
      const sim = (window as unknown as { kpiPreview: { sim: { syncCount: number; latencyMs: number } } }).kpiPreview.sim;
      sim.latencyMs = 300;
      return sim.syncCount;
    });
    const button = validateButton(page);
    await button.click();
    await pane(page).getByText('検証しています…').waitFor();
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    await button.click({ force: true });
    await button.press('Enter');
    await findingButton(page, missingCell).waitFor();
    await page.waitForTimeout(200);
    const after = await page.evaluate(
      () => (window as unknown as { kpiPreview: { sim: { syncCount: number } } }).kpiPreview.sim.syncCount,
    );
    expect(after - before).toBeGreaterThan(0);
    expect(after - before).toBeLessThanOrEqual(2);
  } finally {
    await w.close();
  }
});

it('keyboard only: Tab to Validate, Enter, Tab to the finding, Enter selects the cell', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    const isFocused = (name: string) =>
      page.evaluate(
        (n) => document.activeElement?.getAttribute('aria-label') === n || document.activeElement?.textContent === n,
        name,
      );
    let presses = 0;
    while (!(await isFocused('作業中のシートを検証する'))) {
      await page.keyboard.press('Tab');
      if (++presses > 60) throw new Error('Validate cannot be reached with Tab');
    }
    await shot(page, '11-keyboard-focus-validate');
    await page.keyboard.press('Enter');
    await findingButton(page, missingCell).waitFor();
    const target = findingButton(page, missingCell);
    presses = 0;
    while (!(await target.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press('Tab');
      if (++presses > 80) throw new Error('the finding cannot be reached with Tab');
    }
    await page.keyboard.press('Enter');
    await page.locator(`#sheet td[data-cell="${missingCell}"][aria-selected="true"]`).waitFor();
    await shot(page, '12-keyboard-selected');
  } finally {
    await w.close();
  }
});

it("every control has an accessible name (from Chromium's accessibility tree)", async () => {
  const w = await openPreview(s);
  const { page } = w;
  const cdp = await w.context.newCDPSession(page);
  const CONTROLS = new Set([
    'button',
    'checkbox',
    'switch',
    'tab',
    'spinbutton',
    'textbox',
    'combobox',
    'link',
    'menuitem',
    'radio',
    'slider',
  ]);
  type AXNode = { ignored?: boolean; role?: { value?: string }; name?: { value?: string } };
  const unnamed = async () => {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const controls = nodes.filter((n) => !n.ignored && CONTROLS.has(String(n.role?.value)));
    return {
      count: controls.length,
      unnamed: controls.filter((n) => !String(n.name?.value ?? '').trim()).map((n) => n.role?.value),
    };
  };
  try {
    await validateButton(page).click();
    await findingButton(page, missingCell).waitFor();
    const results = await unnamed();
    expect(results.count).toBeGreaterThan(draft.findings.length);
    expect(results.unnamed).toEqual([]);
    await pane(page).getByRole('tab', { name: '設定' }).click();
    await pane(page).getByRole('button', { name: 'ブックに保存' }).waitFor();
    const settings = await unnamed();
    expect(settings.count).toBeGreaterThan(20);
    expect(settings.unnamed).toEqual([]);
  } finally {
    await w.close();
  }
});

it('on a protected sheet Validate lists the findings, paints nothing and says how to unprotect it', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await page.evaluate(() => {
      (
        window as unknown as { kpiPreview: { sim: { activeSheet: { protected: boolean } } } }
      ).kpiPreview.sim.activeSheet.protected = true;
    });
    await validateButton(page).click();
    await findingButton(page, missingCell).waitFor();
    const warning = pane(page).getByText('シート保護の解除', { exact: false });
    await warning.waitFor();
    expect(await page.locator('#sheet td[data-highlight]').count()).toBe(0);
    await shot(page, '15-protected-sheet');
  } finally {
    await w.close();
  }
});
