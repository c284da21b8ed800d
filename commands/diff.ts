// zonectl diff: a config repo at a ref versus what runs, per app and cluster.
import { EXIT } from '../source/exit-codes.js';
import { externalDiffCommand, runExternalDiff } from '../source/gitops/external-diff.js';
import { MappingError } from '../source/gitops/mapping.js';
import { createDiffPort } from '../source/app/diff-port.js';
import { RepoError } from '../source/gitops/repo.js';
import { jsonReport, markdownReport, textReport } from '../source/gitops/report.js';
import { hasDrift, hasErrors } from '../source/model/diff-report.js';
import { kubeconfigFiles, loadKubeconfig } from '../source/kube/kubeconfig.js';
import { loadConfig } from '../source/config/config.js';
import { guarded } from './errors.js';
import { parseFlags, UsageError } from './flags.js';

const HELP = `
Usage: zonectl diff --repo PATH|URL [--ref REF] [--app NAME] [--map FILE] [--context NAME] [flags]

Compares a Git config repo at a ref with the live objects of the clusters it deploys to, without an Argo CD
server. Apps come from zonectl.yaml at the repo root (apps:, generators: like the ApplicationSet git
files/directories generators, applicationSets:), or from --map FILE (a zonectl.yaml or an ApplicationSet
manifest). Plain YAML directories, kustomize (kubectl kustomize) and Helm charts (helm template) are rendered;
predicted live state comes from a server-side apply dry-run (client-side and marked approximate when the
dry-run is not permitted). Secret data and sensitive fields are masked on both sides.

Flags:
  --repo PATH|URL        config repository (local path or git URL; URLs are cached under $XDG_CACHE_HOME)
  --ref REF              branch, tag or commit (default HEAD; a local working tree is never read)
  --app NAME             only this app (repeatable)
  --map FILE             mapping file instead of the repo's zonectl.yaml
  --field-manager NAME   field manager that applies the objects (default from zonectl.yaml, else argocd-controller)
  --validate-new         also dry-run objects that do not exist yet (they stay Missing)
  --exit-code            exit 1 when any drift is found (0 none, >=2 error)
  --markdown             print a Markdown report for a pull-request comment
  -o, --output FMT       table (summary + diffs) | wide (also Synced objects) | json
  --context NAME         only apps whose destination is this context (repeatable)
  --kubeconfig FILE      instead of $KUBECONFIG / ~/.kube/config
  --request-timeout MS   per-request timeout in milliseconds (default 30000, at most 600000)

KUBECTL_EXTERNAL_DIFF="prog args" runs prog on LIVE and MERGED directories instead of printing diffs.
Exit codes: 0 no drift (or drift without --exit-code), 1 drift with --exit-code, 2 usage or repo/mapping error,
3 some apps could not be compared (Unknown), 4 forbidden.
JSON: {kind: DiffReport, repo:{source,ref,commit}, apps:[{app,cluster,namespace,path,tool,status,error?,warnings,
objects:[{group,kind,apiVersion,namespace,name,status,predictedBy,approximate,note?,warnings,dryRun?,prune?,
liveYaml,predictedYaml,diff}]}], errors, counts, stats, durationMs}.
`;

const EXTRA = {
  repo: { type: 'string' },
  ref: { type: 'string' },
  app: { type: 'string', isMultiple: true },
  map: { type: 'string' },
  fieldManager: { type: 'string' },
  validateNew: { type: 'boolean', default: false },
  exitCode: { type: 'boolean', default: false },
  markdown: { type: 'boolean', default: false },
} as const;

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP, EXTRA);
    const repo = flags.repo as string | undefined;
    if (!repo) throw new UsageError('--repo PATH|URL is required');
    if (!['table', 'wide', 'json'].includes(flags.output)) throw new UsageError(`-o ${flags.output}: diff supports table, wide and json`);
    const config = loadConfig();
    const kc = loadKubeconfig(flags.kubeconfig ? [flags.kubeconfig] : kubeconfigFiles());
    const diff = createDiffPort(
      {
        repo,
        ref: flags.ref as string | undefined,
        mapFile: flags.map as string | undefined,
        apps: flags.app as string[] | undefined,
        contexts: flags.context,
        validateMissing: flags.validateNew === true,
        syncedYaml: flags.output === 'wide',
        fieldManager: flags.fieldManager as string | undefined,
      },
      kc,
      { timeoutMs: flags.requestTimeout ?? Math.max(config.requestTimeoutMs, 30_000) },
    );
    try {
      let report;
      try {
        report = await diff.refresh();
      } catch (e) {
        if (e instanceof RepoError || e instanceof MappingError) {
          process.stderr.write(`error: ${e.message}\n`);
          return EXIT.USAGE;
        }
        throw e;
      }
      const external = externalDiffCommand(process.env.KUBECTL_EXTERNAL_DIFF);
      if (flags.markdown) process.stdout.write(markdownReport(report));
      else if (flags.output === 'json') process.stdout.write(jsonReport(report));
      else {
        process.stdout.write(textReport(report, { showSynced: flags.output === 'wide', diffs: !external }));
        if (external && hasDrift(report)) {
          const code = await runExternalDiff(report, external);
          if (code > 1) {
            process.stderr.write(`error: KUBECTL_EXTERNAL_DIFF program ${external.program} exited with ${code}\n`);
            return EXIT.USAGE;
          }
        }
      }
      for (const e of report.errors) process.stderr.write(`error: ${e}\n`);
      if (report.errors.length) return EXIT.USAGE;
      if (hasErrors(report)) {
        const errs = report.apps.filter((a) => a.status === 'Unknown');
        const forbidden = errs.length > 0 && errs.every((a) => /forbidden|not authorized/i.test(a.error ?? ''));
        return forbidden ? EXIT.FORBIDDEN : EXIT.PARTIAL;
      }
      return flags.exitCode && hasDrift(report) ? EXIT.CONDITION : EXIT.OK;
    } finally {
      diff.close();
    }
  });
}
