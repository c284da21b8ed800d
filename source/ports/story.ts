// What the console needs for "the selected object's story" (issue 12): the describe-like summary and
// the YAML of the selected zone / workload / pod, and its Events, followed while the panel is open.
// The implementation reads the API (source/app/story-port.ts); the UI never sees a client.
import type { EventRow } from '../model/story/events.js';
import type { LogRequest } from './logs.js';

export interface StoryText {
  /** "gamestatefulset/game-1 on shanghai" */
  title: string;
  describe: string[];
  /** Masked, managedFields dropped; a zone without a GameZone: its workloads, one document each. */
  yaml: string[];
}

export interface StoryPort {
  /** Reads the object and what belongs to it; rejects with one sentence naming the cluster. */
  load(req: LogRequest): Promise<StoryText>;
  /** Follows the story's Events (list, then watch) until the returned stop is called. */
  watchEvents(req: LogRequest, onRows: (rows: EventRow[]) => void, onError: (message: string) => void): () => void;
}
