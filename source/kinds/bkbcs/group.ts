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
