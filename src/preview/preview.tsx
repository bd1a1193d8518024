/**
 * The browser preview: the add-in without Excel. A workbook (the draft sample, or any .xlsx the user
 * opens) is loaded into the Excel simulator, `Excel` and `Office` are installed on top of it, and the
 * task pane is started exactly as in Excel (taskpane/boot.tsx) next to a grid that draws the
 * simulated workbook. Workbooks are read in a Web Worker (openWorkbook.ts), with a progress line, so the
 * page keeps answering while a large one opens. URL parameters: ?lang=en (Office in English), ?theme=dark, ?run=1 (the pane
 * opened by the ribbon's 検証 button), ?file=samples/sample.xlsx, ?platform=Mac (Excel for Mac), ?host=Office2016 (an older Excel).
 */
import { createRoot } from 'react-dom/client';
import { insertSummary } from '../commands/commands';
import { HOSTS, installExcelGlobals, type HostName, type InstalledGlobals } from '../office/simulator';
import type { SimWorkbook } from '../office/simulator/model';
import { boot } from '../taskpane/boot';
import { takeCommandError } from '../taskpane/env';
import { OUT_OF_MEMORY, elapsedText, isOutOfMemory, progressText } from './openMessages';
import { OpenCancelled, openWorkbook, type OpenJob } from './openWorkbook';
import { WorkbookView } from './WorkbookView';

const params = new URLSearchParams(window.location.search);
const DARK_THEME = {
  bodyBackgroundColor: '#292929',
  bodyForegroundColor: '#FFFFFF',
  controlBackgroundColor: '#1F1F1F',
  controlForegroundColor: '#FFFFFF',
};
const LIGHT_THEME = {
  bodyBackgroundColor: '#FFFFFF',
  bodyForegroundColor: '#000000',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#000000',
};

const sheetEl = document.getElementById('sheet')!;
const paneEl = document.getElementById('pane')!;
const bookName = document.getElementById('book-name')!;
const ribbonMsg = document.getElementById('ribbon-msg')!;
const sheetRoot = createRoot(sheetEl);

let globals: InstalledGlobals | null = null;
let sim: SimWorkbook | null = null;
let stopPane: (() => void) | null = null;

/** (Re)start the task pane; `run` opens it as the ribbon's 検証 button does (taskpane.html?run=1). */
async function startPane(run: boolean): Promise<void> {
  stopPane?.();
  stopPane = null;
  // office.js removes history.replaceState, so the pane is handed its query string instead.
  stopPane = await boot(paneEl, run ? '?run=1' : '');
}

const openProgress = document.getElementById('open-progress')!;
const openElapsed = document.getElementById('open-elapsed')!;
let opening: OpenJob | null = null;

/** Read .xlsx bytes in the worker, the progress line shown until it ends, however it ends. A new file cancels the one opening. */
async function read(bytes: ArrayBuffer): Promise<SimWorkbook> {
  opening?.cancel();
  const started = performance.now();
  const timer = window.setInterval(() => {
    openElapsed.textContent = elapsedText(performance.now() - started);
  }, 1000);
  const job = openWorkbook(bytes, (p) => {
    openProgress.textContent = progressText(p);
  });
  opening = job;
  try {
    return await job.workbook;
  } finally {
    window.clearInterval(timer);
    if (opening === job) {
      opening = null;
      openProgress.textContent = '';
      openElapsed.textContent = '';
    }
  }
}

async function open(bytes: ArrayBuffer, name: string): Promise<void> {
  const next = await read(bytes);
  globals?.uninstall();
  sim = next;
  globals = installExcelGlobals(next, {
    displayLanguage: params.get('lang') === 'en' ? 'en-US' : 'ja-JP',
    officeTheme: params.get('theme') === 'dark' ? DARK_THEME : LIGHT_THEME,
    // ?host=Office2016 (an Excel too old for the add-in), Office2019, Office2021 …; default M365.
    host: (Object.keys(HOSTS) as HostName[]).find((h) => h === params.get('host')) ?? 'M365',
    // ?platform=Mac: the pane as on Excel for Mac (no blob downloads).
    platform: params.get('platform') ?? undefined,
    url: name,
  });
  bookName.textContent = name;
  // For the browser tests and for curious users: the simulated workbook behind the page.
  (window as unknown as { kpiPreview: { sim: SimWorkbook } }).kpiPreview = { sim: next };
  sheetRoot.render(<WorkbookView sim={next} onChange={() => undefined} />);
  await startPane(params.get('run') === '1');
  document.body.dataset.ready = 'true';
}

const openError = document.getElementById('open-error')!;

/** A workbook that cannot be opened: the one already open stays; the first one failing leaves the page empty. */
function fail(e: unknown): void {
  if (e instanceof OpenCancelled) return;
  const message = isOutOfMemory(e) ? OUT_OF_MEMORY : e instanceof Error ? e.message : String(e);
  if (sim) {
    openError.textContent = `ブックを開けませんでした / Could not open the workbook: ${message}`;
    return;
  }
  sheetRoot.render(
    <p className="failed" role="alert">
      ブックを開けませんでした / Could not open the workbook: {message}
    </p>,
  );
}

document.getElementById('open-file')!.addEventListener('change', (ev) => {
  const input = ev.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  // Picking the same file again (after fixing it, say) is a change too.
  input.value = '';
  openError.textContent = '';
  file
    .arrayBuffer()
    .then((buf) => open(buf, file.name))
    .catch(fail);
});

document.getElementById('ribbon-validate')!.addEventListener('click', () => {
  ribbonMsg.textContent = '';
  void startPane(true);
});

document.getElementById('ribbon-summary')!.addEventListener('click', (ev) => {
  const button = ev.currentTarget as HTMLButtonElement;
  if (!sim || button.disabled) return;
  button.disabled = true;
  ribbonMsg.textContent = '集計しています… / Summarising…';
  const before = new Set(sim.sheets.map((s) => s.id));
  void insertSummary({ completed: () => undefined } as unknown as Office.AddinCommands.Event)
    .then(() => takeCommandError())
    .then((err) => {
      const added = sim?.sheets.find((s) => !before.has(s.id));
      ribbonMsg.textContent = err
        ? `${err.ja} / ${err.en}`
        : `集計シート「${added?.name ?? sim?.activeSheet.name}」を挿入しました`;
    })
    .finally(() => {
      button.disabled = false;
    });
});

const file = params.get('file') ?? 'samples/sample-draft.xlsx';
fetch(file)
  .then((r) => {
    if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
    return r.arrayBuffer();
  })
  .then((buf) => open(buf, file.split('/').pop() ?? file))
  .catch(fail);
