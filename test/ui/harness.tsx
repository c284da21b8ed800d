// Renders the App through ink-testing-library with a fixed terminal size and a pinned clock.
import { render } from 'ink-testing-library';
import type { ActionsPort } from '../../source/ports/actions.js';
import type { DiffPort } from '../../source/ports/diff.js';
import type { LogsPort } from '../../source/ports/logs.js';
import { App } from '../../source/ui/app.js';
import { resolveTheme } from '../../source/ui/theme/theme.js';
import type { ViewRegistry } from '../../source/ui/views/registry.js';
import type { ListViewId } from '../../source/ui/views/types.js';
import type { Snapshot } from '../../source/store/types.js';
import { MemorySource, NOW } from './fixtures.js';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pgdn: '\u001B[6~',
  pgup: '\u001B[5~',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlC: '\u0003',
};

export interface Harness {
  source: MemorySource;
  frame(): string;
  lines(): string[];
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  waitFor(pred: (frame: string) => boolean, what?: string): Promise<string>;
  exits: number[];
  unmount(): void;
}

const tick = () => new Promise<void>((r) => setImmediate(() => setTimeout(r, 0)));

export interface RenderOptions {
  columns?: number;
  rows?: number;
  view?: ListViewId;
  readOnly?: boolean;
  actions?: ActionsPort;
  logs?: LogsPort;
  diff?: DiffPort;
  diffHint?: string;
  views?: ViewRegistry;
}

export async function renderApp(snap: Snapshot, o: RenderOptions = {}): Promise<Harness> {
  const source = new MemorySource(snap);
  const exits: number[] = [];
  const r = render(
    <App
      source={source}
      theme={resolveTheme('mono', {})}
      fleetLabel="test-fleet"
      user="ops-alice"
      readOnly={o.readOnly ?? false}
      actions={o.actions}
      logs={o.logs}
      diff={o.diff}
      diffHint={o.diffHint}
      size={{ columns: o.columns ?? 80, rows: o.rows ?? 24 }}
      now={() => NOW}
      clockMs={0}
      initialView={o.view}
      views={o.views}
      onExit={(c) => exits.push(c)}
    />,
  );
  const frame = () => r.lastFrame() ?? '';
  const waitFor = async (pred: (f: string) => boolean, what = 'condition') => {
    for (let i = 0; i < 200; i++) {
      if (pred(frame())) return frame();
      await tick();
      if (i > 20) await new Promise((res) => setTimeout(res, 5));
    }
    throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
  };
  const settle = async (before: number) => {
    // Wait until a new frame lands (or a short quiet period passes for keys that change nothing).
    for (let i = 0; i < 40 && r.frames.length === before; i++) await new Promise((res) => setTimeout(res, i < 10 ? 1 : 5));
    await tick();
  };
  await waitFor((f) => f.includes('zonectl'), 'first frame');
  return {
    source,
    frame,
    lines: () => frame().split('\n'),
    async press(...keys) {
      for (const k of keys) {
        const before = r.frames.length;
        r.stdin.write(k);
        await settle(before);
      }
    },
    async type(text) {
      for (const ch of text) {
        const before = r.frames.length;
        r.stdin.write(ch);
        await settle(before);
      }
    },
    waitFor,
    exits,
    unmount: () => r.unmount(),
  };
}
