// One diff run from inputs a user gives: repo (path or URL), ref, optional mapping file, filters.
import { t as tr } from '../i18n/t.js';
import { readFileSync } from 'node:fs';
import { compareRepo, type EngineDeps, type EngineOptions } from './engine.js';
import { MappingError, repoMapping } from './mapping.js';
import { DryRunCache } from './predict.js';
import { openRepo } from './repo.js';
import type { DiffReport } from './types.js';

export interface DiffRequest extends EngineOptions {
  repo: string;
  ref?: string;
  /** Path of a zonectl.yaml or ApplicationSet manifest outside the repo (--map). */
  mapFile?: string;
  fieldManager?: string;
}

export async function runGitDiff(
  req: DiffRequest,
  targets: Pick<EngineDeps, 'client' | 'contextForServer' | 'defaultNamespace' | 'watched'>,
  cache = new DryRunCache(),
): Promise<DiffReport> {
  const repo = await openRepo(req.repo, req.ref ?? 'HEAD');
  let mapText: { text: string; origin: string } | undefined;
  if (req.mapFile) {
    try {
      mapText = { text: readFileSync(req.mapFile, 'utf8'), origin: req.mapFile };
    } catch (e) {
      throw new MappingError(
        tr('report.gitops.mapFile', {
          file: req.mapFile,
          message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? tr('report.gitops.noSuchFile') : String((e as Error).message),
        }),
      );
    }
  }
  const map = repoMapping(repo, mapText);
  if (req.fieldManager) map.settings.fieldManager = req.fieldManager;
  return compareRepo({ repo, map, cache, ...targets }, req);
}
