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
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.diff');

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
    const { flags } = parseFlags(argv, HELP(), EXTRA);
    const repo = flags.repo as string | undefined;
    if (!repo) throw new UsageError(t('commands.diff.repoRequired'));
    if (!['table', 'wide', 'json'].includes(flags.output)) throw new UsageError(t('commands.diff.badOutput', { output: flags.output }));
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
          process.stderr.write(`${t('commands.error.line', { message: e.message })}\n`);
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
            process.stderr.write(
              `${t('commands.error.line', { message: t('commands.diff.externalFailed', { program: external.program, code: String(code) }) })}\n`,
            );
            return EXIT.USAGE;
          }
        }
      }
      for (const e of report.errors) process.stderr.write(`${t('commands.error.line', { message: e })}\n`);
      if (report.errors.length) return EXIT.USAGE;
      if (hasErrors(report)) {
        const errs = report.apps.filter((a) => a.status === 'Unknown');
        const forbidden = errs.length > 0 && errs.every((a) => /forbidden|not authorized|未授权/i.test(a.error ?? ''));
        return forbidden ? EXIT.FORBIDDEN : EXIT.PARTIAL;
      }
      return flags.exitCode && hasDrift(report) ? EXIT.CONDITION : EXIT.OK;
    } finally {
      diff.close();
    }
  });
}
