import type { SheetData } from '../../../src/core/grid';
import { DEFAULT_PROFILE, type Profile } from '../../../src/core/profile';
import { findingsOf } from '../../helpers/findings';
import { seedTable } from '../../helpers/table';

const issues = (text: string): SheetData => seedTable([{}, { issues: text }]).sheet;

describe('placeholder-text', () => {
  it.each<[string, SheetData]>([
    ['ordinary text', issues('関係機関と連携し、支援体制を強化する。')],
    ['未定 inside a sentence', issues('次回の開催時期は未定であるが、年度内に開催する。')],
    ['未定義', issues('未定義の用語を整理する。')],
    ['a single ○ used as a bullet', issues('○相談窓口の周知\n○研修の実施')],
    ['words that contain XX or TBD', issues('XXLサイズのポスターを作成。TBDS方式を検討。')],
    ['調整中 inside a sentence', issues('関係機関と日程を調整中である。')],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('placeholder-text', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, string, string, Profile?]>([
    ['〇〇 in a name', issues('〇〇市と連携して実施する。'), 'I4', '〇〇'],
    ['○○ (another circle)', seedTable([{ agencies: '高知県、○○協議会' }]).sheet, 'J3', '○○'],
    ['××', issues('××について検討する。'), 'I4', '××'],
    ['XX for a number', seedTable([{ kpi_target: '参加者数 XX人', kpi_actual: '-', grade: null }]).sheet, 'E3', 'XX'],
    ['full-width ＸＸ', issues('ＸＸ年度に実施'), 'I4', 'XX'],
    ['■■', issues('■■を実施'), 'I4', '■■'],
    ['TBD', seedTable([{ plan: 'TBD' }]).sheet, 'D3', 'TBD'],
    ['未定 as the whole cell', seedTable([{ results: '未定' }]).sheet, 'H3', '未定'],
    ['（確認中）', seedTable([{ results: '（確認中）' }]).sheet, 'H3', '確認中'],
    ['a bracketed 未定 in a sentence', issues('研修会を開催する（日程【未定】）。'), 'I4', '未定'],
    ['要確認 anywhere', issues('参加者数は要確認'), 'I4', '要確認'],
    ['後日記入', seedTable([{ remarks: '後日記入' }]).sheet, 'K3', '後日記入'],
    [
      'a word from the profile',
      issues('★記入してください★'),
      'I4',
      '★記入してください★',
      { ...DEFAULT_PROFILE, placeholders: ['★記入してください★'] },
    ],
  ])('reports %s', (_name, sheet, cell, token, profile = DEFAULT_PROFILE) => {
    const f = findingsOf('placeholder-text', sheet, profile);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell,
      severity: 'warning',
      ja: `仮の記入「${token}」が残っています`,
      en: `Placeholder text "${token}" is still in the cell`,
    });
  });
});
