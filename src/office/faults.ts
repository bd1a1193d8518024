/** Excel's errors turned into HostErrors that say, in Japanese and English, what happened and what to do. */
import { format } from '../core/messages';
import type { Localized } from '../core/types';
import { HostError } from './host';

type Code = HostError['code'];

const FAULTS = {
  protected: {
    ja: 'シート「{sheet}」は保護されているため、何も書き込んでいません。[校閲] タブの [シート保護の解除] で保護を外してから、もう一度実行してください。',
    en: 'The sheet "{sheet}" is protected, so nothing was written. Unprotect it (Review > Unprotect Sheet) and try again.',
  },
  protectedNotPainted: {
    ja: 'シート「{sheet}」は保護されているため、セルに色を付けていません（シートは変更していません）。指摘は下の一覧で確認できます。色を付けるには [校閲] タブの [シート保護の解除] で保護を外してから、もう一度 [検証] してください。',
    en: 'The sheet "{sheet}" is protected, so no cells were highlighted (the sheet is unchanged). The findings are listed below. To highlight them, unprotect the sheet (Review > Unprotect Sheet) and run Validate again.',
  },
  highlightsUnread: {
    ja: 'シート「{sheet}」の条件付き書式を Excel から読み取れなかったため、セルの色を更新・削除していません（シートは変更していません）。指摘は一覧で確認できます。同じセルに自分で作った条件付き書式のルールが複数あると起きる Excel の不具合です。[ホーム] › [条件付き書式] › [ルールの管理] で重複したルールを整理すると直ります。',
    en: 'Excel could not read the conditional formats of the sheet "{sheet}", so no highlights were refreshed or removed (the sheet is unchanged). The findings are listed. This is an Excel bug with several user-made rules on one cell; tidying the duplicated rules (Home > Conditional Formatting > Manage Rules) fixes it.',
  },
  workbookProtected: {
    ja: 'ブックの構成が保護されているため、シートを追加・削除できません。[校閲] タブの [ブックの保護] を解除してから、もう一度実行してください。',
    en: 'The workbook structure is protected, so sheets cannot be added or removed. Turn off Review > Protect Workbook and try again.',
  },
  sheetGone: {
    ja: 'シート「{sheet}」が見つかりません（削除されたか、名前が変わりました）。何も書き込んでいません。シートを選び直して、もう一度 [検証] してください。',
    en: 'The sheet "{sheet}" is gone (deleted or renamed); nothing was written. Select the sheet and run Validate again.',
  },
  tooManyCells: {
    ja: '使用範囲が {cells} セルあり、このアドインで確認できる {max} セルを超えています。何も書き込んでいません。表以外のデータを別のシートに移すか、コマンドライン版 (kpi-check) で確認してください。',
    en: 'The used range has {cells} cells, more than the {max} the add-in can check; nothing was written. Move other data to another sheet, or check the file with the command-line tool (kpi-check).',
  },
  tooLarge: {
    ja: 'データが大きすぎて Excel とやり取りできませんでした（1 回 5 MB までの制限）。何も書き込んでいません。表を小さなシートに分けてから、もう一度実行してください。',
    en: 'The data is too large to exchange with Excel (5 MB per request); nothing was written. Split the table into smaller sheets and try again.',
  },
  apiUnsupported: {
    ja: 'この Excel では必要な機能 (ExcelApi {version}) が使えません。Office 2019 以降、Microsoft 365、または Excel on the web でお使いください。',
    en: 'This version of Excel lacks a feature the add-in needs (ExcelApi {version}). Use Office 2019 or later, Microsoft 365, or Excel on the web.',
  },
  inactive: {
    ja: '別のブックが前面にあるため、このブックを操作できませんでした。何も書き込んでいません。このブックのウィンドウをクリックしてから、もう一度実行してください。',
    en: 'Another workbook has the focus, so this one could not be changed; nothing was written. Click this workbook’s window and try again.',
  },
  editMode: {
    ja: 'セルの編集中は操作できません。Enter キーか Esc キーで編集を終えてから、もう一度実行してください。',
    en: 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
  },
  busy: {
    ja: 'Excel が操作を受け付けませんでした（{code}）。何も書き込んでいません。セルを編集中のときは、Enter キーか Esc キーで編集を終えてから、もう一度実行してください。',
    en: 'Excel refused the operation ({code}); nothing was written. If a cell is being edited, press Enter or Esc to finish editing, then try again.',
  },
  hidden: {
    ja: 'シート「{sheet}」は非表示です。[再表示] で表示してから、もう一度実行してください。',
    en: 'The sheet "{sheet}" is hidden. Unhide it and try again.',
  },
  badAddress: {
    ja: 'セル番地「{address}」が正しくありません。',
    en: 'The cell address "{address}" is not valid.',
  },
  unknown: {
    ja: 'Excel でエラーが起きました（{code}: {message}）。もう一度実行してください。続く場合は Excel を開き直してください。',
    en: 'Excel reported an error ({code}: {message}). Try again; if it persists, reopen the workbook.',
  },
} satisfies Record<string, Localized>;

export type FaultKey = keyof typeof FAULTS;

export function fault(code: Code, key: FaultKey, data: Record<string, string | number> = {}): HostError {
  const m = FAULTS[key];
  return new HostError(code, format(m.ja, data), format(m.en, data));
}

function errorCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

/** The HostError for anything Excel.run threw; `sheet` names the sheet the operation was about. */
export function toHostError(e: unknown, sheet = ''): HostError {
  if (e instanceof HostError) return e;
  const code = errorCode(e);
  const message = String((e as { message?: unknown } | null)?.message ?? e).slice(0, 300);
  switch (code) {
    case 'AccessDenied':
      return fault('protected', 'protected', { sheet });
    case 'ItemNotFound':
    case 'InvalidReference':
      return fault('sheet-gone', 'sheetGone', { sheet });
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
      return fault('too-large', 'tooLarge');
    case 'ApiNotFound':
      return fault('api-unsupported', 'apiUnsupported', { version: /ExcelApi ([\d.]+)/.exec(message)?.[1] ?? '' });
    case 'InactiveWorkbook':
      return fault('workbook-changed', 'inactive');
    case 'InvalidOperationInCellEditMode':
      return fault('unknown', 'editMode');
    // Excel's default answer to a request while a cell is edited (Excel.RunOptions.delayForCellEdit);
    // its message is in Office's language, so the code alone decides.
    case 'InvalidOperation':
      return fault('unknown', 'busy', { code });
    default:
      return fault('unknown', 'unknown', { code: code ?? 'Error', message });
  }
}
