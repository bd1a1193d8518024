/** Layout detection, the body: data rows, section rows, repeated headers, commentary and notes. */
import { cellText, isExcelError } from '../grid';
import { isBareLabel, isSectionTitle, splitLabel } from '../headers';
import { looksLikeLegend } from '../legend';
import { perText } from '../memo';
import type { DataRow, NearText, Role, SectionRow, TableFamily } from '../types';
import { Detector, isNoteText, MIN_ROLES, squeeze, trimmed } from './detector';

const COMMENTARY_RE =
  /^[\s\u3000]*(?:[≪《<＜【[［(（〈]\s*)?(?:成果と見直し|成果及び見直し|成果と課題|提言|所見|総括|総評|講評|考察|分析|評価コメント|コメント|委員(?:会)?(?:から)?の?(?:意見|評価)|外部評価|審議会(?:の)?意見)/;

/** The heading of commentary written into a table (≪成果と見直し≫, 【提言】, 所見：…). */
export function isCommentaryText(text: string): boolean {
  return typeof text === 'string' && text.length <= 2000 && COMMENTARY_RE.test(text);
}

/** What a cell's text is, for the row tests of classifyRows (bits; BLANK alone). */
const BLANK = -1;
const HEADER_WORD = 1;
const AS_HEADER = 2;
const ERROR = 4;

/** Rows below the last data row searched for a legend and notes. */
const NEAR_ROWS_BELOW = 25;

export interface Body {
  sections: SectionRow[];
  dataRows: DataRow[];
  repeatedHeaderRows: number[];
  commentaryRows: number[];
  nearTexts: NearText[];
  /** The first row of a second header block below this table, or null. */
  nextHeader: number | null;
}

/**
 * Read the rows below the header: section rows, data rows (with their sub-label and 対象者), repeated
 * headers, commentary and notes. A different header block ends the table (a second table on the sheet).
 */
export function classifyRows(
  d: Detector,
  headerRows: number[],
  left: number,
  right: number,
  columns: Partial<Record<Role, number>>,
  family: TableFamily,
): Body {
  const g = d.grid;
  const sections: SectionRow[] = [];
  const dataRows: DataRow[] = [];
  const repeatedHeaderRows: number[] = [];
  const commentaryRows: number[] = [];
  const nearTexts: NearText[] = [];
  const tgCol = columns.target_group;
  const labelCol = columns.label;
  const initCol = columns.initiative;
  const titleCols = [tgCol, labelCol, initCol].filter((c): c is number => c !== undefined);
  const lastTitleCol = titleCols.length ? Math.max(...titleCols) : right;
  const kpiCols = new Set(
    (['kpi_target', 'kpi_actual', 'baseline', 'rate', 'grade'] as Role[])
      .map((r) => columns[r])
      .filter((c): c is number => c !== undefined),
  );
  const headerRoles = new Set<Role>();
  const headerTexts = new Set<string>();
  let maxHeaderLength = 0;
  for (const r of headerRows) {
    for (const role of d.rowInfo(r, left, right).roles) headerRoles.add(role);
    for (let c = left; c <= right; c++) {
      const t = squeeze(g.value(r, c));
      if (t !== '') headerTexts.add(t);
      maxHeaderLength = Math.max(maxHeaderLength, cellText(g.value(r, c)).length);
    }
  }
  const repeatMin = Math.min(MIN_ROLES, headerRoles.size);
  // What each text says for the tests below, judged once per text (cells repeat down a table).
  const cellKind = perText((v: string): number => {
    const t = v.trim();
    if (t === '') return BLANK;
    let k = 0;
    if (v.length <= 20 && d.match(t) !== null) k |= HEADER_WORD;
    if (v.length <= maxHeaderLength && (headerTexts.has(v) || headerTexts.has(squeeze(v)))) k |= AS_HEADER;
    if (isExcelError(v)) k |= ERROR;
    return k;
  });
  const noteOrLegend = perText((t: string) => isNoteText(t) || looksLikeLegend(t));
  const sectionTitle = perText(isSectionTitle);
  const commentary = perText(isCommentaryText);
  const labelOf = perText((t: string) => splitLabel(t).label);

  const start = headerRows[headerRows.length - 1]! + 1;
  const nextHeader = scan();
  if (nextHeader !== null) {
    // Headings after the last data row are the next table's title, not this table's sections.
    const lastData = dataRows.at(-1)?.row ?? start;
    while (sections.length && sections.at(-1)!.row > lastData) sections.pop();
  }
  return { sections, dataRows, repeatedHeaderRows, commentaryRows, nearTexts, nextHeader };

  /**
   * The rows, one by one, into the lists above; the row that starts the next table, or null. Its own
   * function: its loop is compiled while it runs, and code after the loop in the same function (not run
   * yet when it is compiled) would send that compiled code back to be compiled again.
   */
  function scan(): number | null {
    let targetGroup = '';
    let blankRun = 0;
    let ended = false;
    let inCommentary = false;
    const filled: number[] = [];
    const near = (r: number, c: number) => {
      const t = d.raw(r, c);
      if (t !== '') nearTexts.push({ row: r, col: c, text: t });
    };
    const nearRow = (r: number) => {
      for (const c of filled) near(r, c);
    };

    for (let r = start; r <= g.lastRow; r++) {
      filled.length = 0;
      // Cells written exactly like a header cell: only such rows can repeat the header.
      let asHeader = 0;
      let formulaErrors = 0;
      // Short texts that read as header words: only a row with enough of them can start another table.
      let headerWords = 0;
      for (let c = left; c <= right; c++) {
        const v = g.value(r, c);
        if (v === null) continue;
        if (typeof v === 'string') {
          const k = cellKind(v);
          if (k === BLANK) continue;
          if (k & HEADER_WORD && headerWords < MIN_ROLES) headerWords++;
          if (k & AS_HEADER) asHeader++;
          if (k & ERROR && g.formula(r, c) !== null) formulaErrors++;
        }
        filled.push(c);
      }
      // Rows holding nothing but formulas that fail (#DIV/0! below the data) are template rows, not data.
      if (filled.length === 0 || formulaErrors === filled.length) {
        blankRun++;
        continue;
      }
      const first = filled[0]!;
      const firstText = d.raw(r, first);
      const lastData = dataRows.length ? dataRows[dataRows.length - 1]!.row : start;

      // In an indicator list, the header again after headings or commentary starts the next table.
      const afterHeadings = family === 'kpi' && dataRows.length > 0 && (sections.at(-1)?.row ?? -1) > lastData;
      if (asHeader >= 2 && filled.length >= repeatMin && isRepeatedHeader(d, r, left, right, filled.length, repeatMin)) {
        if (afterHeadings) {
          return r;
        }
        repeatedHeaderRows.push(r);
        if (d.isSubHeaderRow(r, left, right)) repeatedHeaderRows.push(++r);
        ended = false;
        inCommentary = false;
        blankRun = 0;
        continue;
      }
      if (headerWords >= MIN_ROLES && d.isHeaderRow(r, g.firstCol, d.lastScanCol, filled.length)) {
        return r;
      }
      if (filled.length <= 2 && noteOrLegend(firstText)) {
        if (blankRun > 0 && dataRows.length > 0) ended = true;
        blankRun = 0;
        nearRow(r);
        continue;
      }
      if (ended) {
        if (r - lastData <= NEAR_ROWS_BELOW) nearRow(r);
        continue;
      }
      if (commentary(firstText) && (filled.length <= 2 || g.mergeAt(r, first) !== null)) {
        commentaryRows.push(r);
        inCommentary = true;
        blankRun = 0;
        nearRow(r);
        continue;
      }
      // Text written across the table (a merge over many columns) is commentary, not a row of data.
      const m = filled.length === 1 ? g.mergeAt(r, first) : null;
      const across = m !== null && m.right - m.left >= 2 && !sectionTitle(firstText);
      if (across || (inCommentary && filled.length === 1 && !sectionTitle(firstText))) {
        commentaryRows.push(r);
        inCommentary = true;
        blankRun = 0;
        nearRow(r);
        continue;
      }
      inCommentary = false;
      blankRun = 0;

      const titleAt = filled.find((c) => c !== tgCol || filled.length === 1);
      const alone = filled.length === 1 || (filled.length === 2 && filled[0] === tgCol);
      if (titleAt !== undefined && titleAt <= lastTitleCol && alone && sectionTitle(d.raw(r, titleAt))) {
        if (titleAt !== tgCol && tgCol !== undefined) targetGroup = targetGroupAt(d, r, tgCol, targetGroup) ?? targetGroup;
        sections.push({ row: r, col: titleAt, title: d.raw(r, titleAt) });
        continue;
      }
      // A label and its value (評価（25～27年度） | ◎) above or between the tables of an indicator list.
      if (family === 'kpi' && filled.length <= 2 && d.match(firstText) !== null && !kpiCols.has(first)) {
        commentaryRows.push(r);
        nearRow(r);
        if (titleAt !== undefined) sections.push({ row: r, col: titleAt, title: firstText });
        continue;
      }
      // In an indicator list a row with one text and no figure is a heading (基本目標2 …), not a KPI.
      if (family === 'kpi' && filled.length === 1 && !kpiCols.has(first) && !isBareLabel(firstText) && titleAt !== undefined) {
        sections.push({ row: r, col: titleAt, title: firstText });
        continue;
      }
      if (tgCol !== undefined) targetGroup = targetGroupAt(d, r, tgCol, targetGroup) ?? targetGroup;
      if (filled.length === 1 && first === tgCol && !isBareLabel(firstText)) continue;

      dataRows.push({
        row: r,
        section: sections.length - 1,
        label: labelAt(d, labelOf, r, labelCol, initCol, left, tgCol),
        targetGroup,
      });
    }
    return null;
  }
}

function isRepeatedHeader(d: Detector, row: number, left: number, right: number, filled: number, minRoles: number): boolean {
  const info = d.rowInfo(row, left, right);
  return info.roles.size >= minRoles && info.matched * 2 >= filled;
}

/** The 対象者 a row names (its own cell or the merge over it), or null when it names none. */
function targetGroupAt(d: Detector, row: number, col: number, current: string): string | null {
  const t = trimmed(d.grid.shownValue(row, col));
  if (t === current) return t;
  if (t === '' || isBareLabel(t) || isSectionTitle(t)) return null;
  return t;
}

/** The row's sub-label (ア, ①, (1) …); labelOf is splitLabel's label, remembered per text. */
function labelAt(
  d: Detector,
  labelOf: (text: string) => string,
  row: number,
  labelCol: number | undefined,
  initCol: number | undefined,
  left: number,
  tgCol: number | undefined,
): string {
  if (labelCol !== undefined) {
    const t = trimmed(d.grid.shownValue(row, labelCol));
    if (t !== '') return labelOf(t) || t;
  }
  if (initCol !== undefined) {
    const label = labelOf(d.raw(row, initCol));
    if (label) return label;
    // Pages extracted from a PDF shift cells left: a lone ア in a column before the text column.
    for (let c = left; c < initCol; c++) {
      if (c === labelCol) continue;
      const t = d.raw(row, c);
      if (t !== '' && isBareLabel(t)) return labelOf(t);
      if (t !== '' && c !== tgCol) break;
    }
  }
  return '';
}
