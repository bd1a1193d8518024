import { useEffect, useState, type ComponentProps } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { p } from '../strings';
import { Busy } from './Busy';
import type { Settings } from './Settings';

type SettingsModule = typeof import('./Settings');

/** The Settings tab is its own script (settings.chunk.js), fetched when the tab is first wanted. */
let loading: Promise<SettingsModule> | null = null;
let loaded: SettingsModule | null = null;

/** Fetch the Settings script once (again after a failure); also called ahead, when the tab is pointed at or focused. */
export function loadSettings(): Promise<SettingsModule> {
  loading ??= import(/* webpackChunkName: "settings" */ './Settings').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** Settings, once its script is here; till then what is happening, and a retry if it could not be fetched. */
export function LazySettings(props: ComponentProps<typeof Settings>) {
  const [mod, setMod] = useState<SettingsModule | null>(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (mod || failed) return;
    let live = true;
    loadSettings().then(
      (m) => live && setMod(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [mod, failed]);
  if (mod) return <mod.Settings {...props} />;
  if (!failed) return <Busy label={p('partLoading', props.lang)} />;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{p('partFailed', props.lang)}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => setFailed(false)}>
          {p('retry', props.lang)}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
