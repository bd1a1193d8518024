import { MIN_EXCEL_API } from '../office/caps';
import { p, type PaneKey } from './strings';

export type Unavailable = 'noOffice' | 'notExcel' | 'tooOld';

const KEYS: Record<Unavailable, PaneKey> = { noOffice: 'bootNoOffice', notExcel: 'bootNotExcel', tooOld: 'bootTooOld' };

/**
 * Why the pane cannot start, shown in plain DOM (no React, no Office) in both languages, since
 * Office's display language is not known then: instead of a blank page.
 */
export function showUnavailable(container: HTMLElement, why: Unavailable): void {
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.dataset.unavailable = why;
  box.style.cssText = 'padding:16px;font:14px/1.6 "Segoe UI","Yu Gothic UI",Meiryo,sans-serif;color:#201f1e';
  const title = document.createElement('h1');
  title.style.cssText = 'font-size:16px;margin:0 0 8px';
  title.textContent = `${p('bootTitle', 'ja')} / ${p('bootTitle', 'en')}`;
  box.appendChild(title);
  for (const lang of ['ja', 'en'] as const) {
    const para = document.createElement('p');
    para.lang = lang;
    para.style.margin = '0 0 8px';
    para.textContent = p(KEYS[why], lang, { version: MIN_EXCEL_API });
    box.appendChild(para);
  }
  container.replaceChildren(box);
}
