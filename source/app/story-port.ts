// The console's story port (ports/story.ts) over the fleet's own clients: describe and YAML read once
// per open (r reloads), Events list-watched in the story's namespace while the panel is open.
import type { GameZoneTypeOptions } from '../kinds/registry.js';
import { describeLines } from '../kinds/story/describe.js';
import type { ClusterClient } from '../kube/client-api.js';
import type { InformerPool } from '../kube/informer-pool.js';
import { isKubeError } from '../kube/errors.js';
import { objectYaml } from '../model/story/yaml.js';
import type { LogRequest } from '../ports/logs.js';
import type { StoryPort, StoryText } from '../ports/story.js';
import { loadStory, storyEventRows, watchStoryEvents } from './story.js';
import { t } from '../i18n/t.js';

export interface ConsoleStoryOptions {
  members: ReadonlyArray<{ name: string; client: ClusterClient }>;
  /** The fleet's shared informers: the Events watch of a story's namespace is shared, not one per open. */
  informers?: InformerPool;
  zoneLabel: string;
  gameZone?: GameZoneTypeOptions;
}

const text = (e: unknown) => (isKubeError(e) ? e.oneLine() : e instanceof Error ? e.message : String(e));

export class ConsoleStory implements StoryPort {
  constructor(private readonly o: ConsoleStoryOptions) {}

  private client(cluster: string): ClusterClient {
    const m = this.o.members.find((x) => x.name === cluster);
    if (!m) throw new Error(t('commands.app.notInFleet', { cluster }));
    return m.client;
  }

  private read(req: LogRequest) {
    return loadStory(this.client(req.cluster), req, { zoneLabel: this.o.zoneLabel, gameZone: this.o.gameZone });
  }

  async load(req: LogRequest): Promise<StoryText> {
    try {
      const story = await this.read(req);
      const client = this.client(req.cluster);
      const events = await storyEventRows(client, story).catch(() => undefined);
      const objs = story.primary ? [story.primary] : story.workloads;
      const now = Date.now();
      const describe = objs.flatMap((o, i) => [
        ...(i > 0 ? [''] : []),
        ...describeLines({
          cluster: req.cluster,
          obj: o,
          pods: o.kind === 'Pod' ? [] : story.pods,
          workloads: story.primary && story.primary.kind !== 'Pod' && story.workloads[0] !== story.primary ? story.workloads : [],
          now,
          ...(events && i === objs.length - 1 ? { events } : {}),
        }),
      ]);
      const yaml = objs.flatMap((o, i) => [...(i > 0 ? ['---'] : []), ...objectYaml(o).replace(/\n$/, '').split('\n')]);
      return { title: t('console.story.on', { object: story.title, cluster: req.cluster }), describe, yaml };
    } catch (e) {
      throw new Error(text(e));
    }
  }

  watchEvents(req: LogRequest, onRows: Parameters<StoryPort['watchEvents']>[1], onError: (message: string) => void): () => void {
    const ac = new AbortController();
    void (async () => {
      try {
        const story = await this.read(req);
        await watchStoryEvents(this.client(req.cluster), story, onRows, ac.signal, this.o.informers);
      } catch (e) {
        if (!ac.signal.aborted) onError(text(e));
      }
    })();
    return () => ac.abort();
  }
}
