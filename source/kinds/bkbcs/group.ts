// The bk-bcs API group (tkex.tencent.com/v1alpha1): GameDeployment, GameStatefulSet, HookRun, HookTemplate.
import type { ResourceType } from '../../kube/object.js';

export const TKEX_GROUP = 'tkex.tencent.com';

export const tkexType = (resource: string, kind: string): ResourceType => ({
  group: TKEX_GROUP,
  version: 'v1alpha1',
  resource,
  kind,
  namespaced: true,
});

/** HookRun's type here too: bk-bcs skip-hook plans write to the step HookRun (kinds/hookrun.ts is its spec). */
export const HOOK_RUN_TYPE = tkexType('hookruns', 'HookRun');
