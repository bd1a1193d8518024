import './strictCsp';
import { createRoot } from 'react-dom/client';
import { createExcelHost } from '../office/excelHost';
import { App } from './App';
import { readEnv } from './env';

/**
 * Start the task pane in `container` once Office is ready. The add-in (index.tsx) and the browser
 * preview both start it this way, so the preview runs the pane exactly as Excel does. `search` is the
 * page's query string ("?run=1" when opened by the ribbon's 検証 button).
 */
export function boot(container: HTMLElement, search = window.location.search): Promise<() => void> {
  return Office.onReady().then(() => {
    const root = createRoot(container);
    root.render(<App host={createExcelHost()} env={readEnv(search)} />);
    return () => root.unmount();
  });
}
