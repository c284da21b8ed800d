// Import boundaries: DESIGN §3 as rules. `npm run boundaries` checks them over source/ and commands/
// (tests may import anything: they are not the product).
//
// Layers, top to bottom. A module may import its own layer and any layer below it, never one above:
//   entry   commands/, source/cli.ts
//   ui      source/ui/
//   app     source/app/        composition: opens sessions, wires the console's ports
//   ports   source/ports/      interfaces the console consumes (implemented in app/, used by ui/)
//   domain  source/{actions,store,logs,gitops,output}/
//   fleet   source/fleet/      N clusters, fan-out
//   kinds   source/{kinds,model}/   pure: kind knowledge, domain types and derivations
//   kube    source/kube/       transport; knows no game kind
//   config  source/config/
//   base    source/*.ts (exit codes, error base), source/i18n/
// Besides the layers: ui never imports kube; kinds/model do no I/O; the product imports the simulator
// only from the demo; the simulator's apiserver knows no game controller; no module-level cycle.
// Folder-level cycles (fleet <-> store, logs <-> ui, ...) are checked by scripts/folder-cycles.mjs.
//
// Known violations (the code as it was when these rules were written) live in
// .dependency-cruiser-known-violations.json and are ignored (`--ignore-known`), so only NEW ones fail.
// After fixing some, regenerate it (it must only ever shrink):
//   npx depcruise-baseline source commands --config .dependency-cruiser.cjs --output-to .dependency-cruiser-known-violations.json
// (both known-violation files are generated, so Prettier leaves them alone: .prettierignore).

/** Layer name -> path pattern, top to bottom. */
const LAYERS = [
  ['entry', '^(commands/|source/cli\\.ts$)'],
  ['ui', '^source/ui/'],
  ['app', '^source/app/'],
  ['ports', '^source/ports/'],
  ['domain', '^source/(actions|store|logs|gitops|output)/'],
  ['fleet', '^source/fleet/'],
  ['kinds', '^source/(kinds|model)/'],
  ['kube', '^source/kube/'],
  ['config', '^source/config/'],
  ['base', '^source/(i18n/|(?!cli\\.ts$)[^/]+\\.ts$)'],
];

// One rule per layer: nothing it may not import sits above it.
const layerRules = LAYERS.slice(1).map(([name, path], i) => ({
  name: `layer-${name}`,
  severity: 'error',
  comment: `${name} may not import a layer above it (${LAYERS.slice(0, i + 1)
    .map(([n]) => n)
    .join(', ')}): arrows point down (DESIGN §3)`,
  from: { path },
  to: { path: LAYERS.slice(0, i + 1).map(([, p]) => p) },
}));

const IO_CORE = '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|tls|dns|readline|worker_threads|cluster)$';
const IO_PACKAGES = 'node_modules/(undici|simple-git|@kubernetes/client-node)/';
/** The simulator's game-agnostic apiserver: HTTP handlers, the object store and what they share. */
const SIM_APISERVER = '^source/sim/(server/|store[^/]*\\.ts$|registry\\.ts$|selectors\\.ts$|object-util\\.ts$|log-source\\.ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'ui-not-kube',
      severity: 'error',
      comment: 'The console never talks to the transport: it consumes ports and the store.',
      from: { path: '^source/ui/' },
      to: { path: '^source/kube/' },
    },
    {
      name: 'kube-knows-no-game-kind',
      severity: 'error',
      comment: 'kube/ is transport only: it imports nothing of the product but the base (no kinds, model).',
      from: { path: '^source/kube/' },
      to: { path: '^(source|commands)/', pathNot: ['^source/kube/', LAYERS.at(-1)[1]] },
    },
    {
      name: 'kinds-model-no-io',
      severity: 'error',
      comment: 'kinds/ and model/ are pure: no file system, network or process modules.',
      from: { path: '^source/(kinds|model)/' },
      to: { dependencyTypes: ['core'], path: IO_CORE },
    },
    {
      name: 'kinds-model-no-io-packages',
      severity: 'error',
      comment: 'kinds/ and model/ are pure: no HTTP or git client.',
      from: { path: '^source/(kinds|model)/' },
      to: { path: IO_PACKAGES },
    },
    {
      name: 'kinds-model-no-kube-client',
      severity: 'error',
      comment: 'kinds/ and model/ may use kube object types and error codes, never a client, informer or kubeconfig.',
      from: { path: '^source/(kinds|model)/' },
      to: { path: '^source/kube/', pathNot: '^source/kube/(object|errors)\\.ts$' },
    },
    {
      name: 'sim-only-from-demo',
      severity: 'error',
      comment: 'The simulator is a fixture beside the product: only the demo command (and its composition) starts it.',
      from: { path: '^(source|commands)/', pathNot: ['^source/sim/', '^commands/demo\\.ts$', '^source/app/demo[^/]*\\.ts$'] },
      to: { path: '^source/sim/' },
    },
    {
      name: 'sim-apiserver-knows-no-game',
      severity: 'error',
      comment: "The simulator's apiserver is game-agnostic: it never imports the game controllers or the product's kind knowledge.",
      from: { path: SIM_APISERVER },
      to: { path: ['^source/sim/controllers/', '^source/(kinds|model)/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module-level import cycle (type-only imports included: they still couple the two files).',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
