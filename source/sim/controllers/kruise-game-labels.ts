// The labels and annotations OpenKruise Game (kruise-game v1.0) and its Advanced StatefulSet put on
// pods, shared by the simulator's three OKG parts (gameserverset.ts, kruise-asts-pods.ts,
// gameserver.ts) so each writes and reads the same keys.
export const OWNER = 'game.kruise.io/owner-gss';
export const GS_STATE = 'game.kruise.io/gs-state';
export const GS_OPS = 'game.kruise.io/gs-opsState';
export const GS_UP = 'game.kruise.io/gs-update-priority';
export const GS_DP = 'game.kruise.io/gs-delete-priority';
export const GS_NET_DISABLED = 'game.kruise.io/network-disabled';
export const LIFECYCLE = 'lifecycle.apps.kruise.io/state';
export const ANN_INPLACE = 'apps.kruise.io/inplace-update-state';
