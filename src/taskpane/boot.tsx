import { createRoot } from 'react-dom/client';
import { MIN_EXCEL_API, excelApi } from '../office/caps';
import { createExcelHost } from '../office/excelHost';
import { App } from './App';
import { readEnv } from './env';
import { showUnavailable } from './unavailable';

/**
 * Start the task pane in `container` once Office is ready. The add-in (index.tsx) and the browser
 * preview both start it this way, so the preview runs the pane exactly as Excel does. `search` is the
 * page's query string ("?run=1" when opened by the ribbon's 検証 button). Where the pane cannot run
 * (office.js blocked, the page opened outside Excel, a host older than MIN_EXCEL_API) it says so
 * instead of leaving a blank page.
 */
export function boot(container: HTMLElement, search = window.location.search): Promise<() => void> {
  const nothing = () => undefined;
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    showUnavailable(container, 'noOffice');
    return Promise.resolve(nothing);
  }
  return Office.onReady().then((info) => {
    if (!info || String(info.host) !== 'Excel' || typeof Excel === 'undefined') {
      showUnavailable(container, 'notExcel');
      return nothing;
    }
    if (!excelApi(MIN_EXCEL_API)) {
      showUnavailable(container, 'tooOld');
      return nothing;
    }
    container.replaceChildren();
    const root = createRoot(container);
    root.render(<App host={createExcelHost()} env={readEnv(search)} />);
    return () => root.unmount();
  });
}
