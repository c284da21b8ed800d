// The console rendered in process on a live session (app/session.ts) with the real ports
// (app/console-ports.ts), as `zonectl` wires them: the frame, a wait on it and a key press. For the
// simulator tests that drive the console on `zonectl demo` (test/ui/harness.tsx is the fixed-snapshot one).
import { render } from 'ink-testing-library';
import type { ConsolePorts } from '../../source/app/console-ports.js';
import type { Session } from '../../source/app/session.js';
import { App } from '../../source/ui/app.js';
import { resolveTheme } from '../../source/ui/theme/theme.js';
import type { ListViewId } from '../../source/ui/views/types.js';

export function renderConsole(
  session: Session,
  ports: Pick<ConsolePorts, 'actions'> & Partial<Pick<ConsolePorts, 'logs' | 'story'>>,
  o: { columns?: number; rows?: number; view?: ListViewId } = {},
) {
  const r = render(
    <App
      source={session.store}
      theme={resolveTheme('mono', {})}
      fleetLabel="demo"
      user="admin"
      readOnly={false}
      actions={ports.actions}
      logs={ports.logs}
      story={ports.story}
      initialView={o.view}
      size={{ columns: o.columns ?? 100, rows: o.rows ?? 30 }}
      onExit={() => undefined}
    />,
  );
  const frame = () => r.lastFrame() ?? '';
  const waitFor = async (pred: (f: string) => boolean, what: string) => {
    for (let i = 0; i < 800; i++) {
      if (pred(frame())) return frame();
      await new Promise((res) => setTimeout(res, 25));
    }
    throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
  };
  const press = async (k: string) => {
    r.stdin.write(k);
    await new Promise((res) => setTimeout(res, 40));
  };
  return { r, frame, waitFor, press };
}
