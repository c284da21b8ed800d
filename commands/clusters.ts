// zonectl clusters: connection state, version, latency and installed game kinds per cluster.
import { EXIT } from '../source/exit-codes.js';
import { kindsToWatch } from '../source/kinds/registry.js';
import { stateFor } from '../source/fleet/fleet.js';
import { openSession, withKubeFedMembers } from '../source/app/session.js';
import { discover, typeKey } from '../source/kube/discovery.js';
import { clusterColumns } from '../source/model/columns/clusters.js';
import { tableColumns } from '../source/output/columns.js';
import { renderList } from '../source/output/format.js';
import { guarded } from './errors.js';
import { FLEET_HELP, parseFlags } from './flags.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.clusters', { fleetFlags: FLEET_HELP() });

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP);
    const session = openSession(
      await withKubeFedMembers(flags, (l) => process.stderr.write(`${t('commands.warning.line', { message: l })}\n`)),
      [],
    );
    try {
      const timeout = flags.requestTimeout ?? session.config.requestTimeoutMs;
      await session.fleet.probe(timeout);
      // Which game kinds each reachable cluster serves (discovery only, no object lists).
      const wanted = kindsToWatch({ views: ['zones', 'rollouts', 'federation'], gameZone: session.config.gameZone });
      const found = await session.fleet.fanOut(
        (m) =>
          m.info.state === 'ready'
            ? discover(
                m.client,
                wanted.map((w) => w.type),
                timeout,
              )
            : Promise.resolve(undefined),
        timeout,
      );
      for (const r of found) {
        if (r.ok && r.value) {
          const installed = r.value;
          const kinds = Object.fromEntries(wanted.map((w) => [w.kind, installed.get(typeKey(w.type)) === true]));
          const m = session.fleet.member(r.cluster)!;
          session.fleet.setState(r.cluster, m.info.state, m.info.lastError, { kinds });
        } else if (!r.ok) session.fleet.setState(r.cluster, stateFor(r.error), r.error.message);
      }
      const clusters = session.fleet.clusters();
      process.stdout.write(
        renderList({
          kind: 'Cluster',
          rows: clusters,
          columns: tableColumns(clusterColumns, { now: Date.now() }),
          format: flags.output,
          name: (c) => c.name,
          toJSON: (c) => c,
          errors: clusters.filter((c) => c.state !== 'ready').map((c) => ({ cluster: c.name, message: c.lastError ?? c.state })),
          empty: '',
        }),
      );
      const bad = clusters.filter((c) => c.state !== 'ready');
      for (const c of bad) process.stderr.write(`${t('commands.error.line', { message: `${c.name}: ${c.lastError ?? c.state}` })}\n`);
      if (bad.length === 0) return EXIT.OK;
      return bad.length === clusters.length && bad.every((c) => c.state === 'forbidden') ? EXIT.FORBIDDEN : EXIT.PARTIAL;
    } finally {
      await session.close();
    }
  });
}
