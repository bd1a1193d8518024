import { createRoot } from 'react-dom/client';
import { createExcelHost } from '../office/excelHost';
import { App } from './App';
import { readEnv } from './env';

/**
 * Start the task pane in `container` once Office is ready. The add-in (index.tsx) and the browser
 * preview both start it this way, so the preview runs the pane exactly as Excel does.
 */
export function boot(container: HTMLElement): Promise<() => void> {
  return Office.onReady().then(() => {
    const root = createRoot(container);
    root.render(<App host={createExcelHost()} env={readEnv()} />);
    return () => root.unmount();
  });
}
