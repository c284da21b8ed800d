// English help texts of the commands area (`--help` of every command, the entry's usage): merged into
// ./commands.ts. ICU: a literal '{', '}' or '<' is quoted; {fleetFlags} and the like are filled in by the command.
export const helpMessages = {
  'commands.help.usage': `zonectl — game zones and rollouts across Kubernetes clusters

Usage
  zonectl                      open the console (needs a terminal)
  zonectl demo [--serve]       the console on a simulated federation (no cluster needed)
  zonectl clusters             connection state of every cluster in the fleet
  zonectl zones                every game zone across the fleet
  zonectl rollouts             game workloads that are progressing, paused or failed
  zonectl hookruns             hook runs with their phase and metric results
  zonectl releases             fleet actions (batches, waves) as the clusters record them
  zonectl alerts [--watch]     what needs you now: long pauses, failed hooks, failing pods, clusters down
  zonectl versions             the version each service of each zone runs vs. asks for (--version 1.8)
  zonectl compare A B          two zones (zone/101 zone/201) or two clusters (--context x --context y)
  zonectl diff --repo PATH|URL Git config repo at a ref versus live: Synced/Modified/Missing/Extra + diffs
  zonectl approve KIND/NAME    continue a paused step; also reject, skip-hook, retry-hooks, hold, release
                               (many targets: -, a selection, --waves 1,10%,50%,100%, --resume ID)
  zonectl hotupdate KIND/NAME  set one container's image in place (--container C --image I [--partition N])
  zonectl restart KIND/NAME    restart a workload's pods the way its controller supports
  zonectl delete pod/NAME      delete a pod; its controller recreates it (the plan says how)
  zonectl shell pod/NAME       kubectl exec -it ... -- sh in the pod, after access review and audit
  zonectl logs TARGET -f       follow logs of a pod, workload, zone or -l selector across clusters
  zonectl describe TARGET      summary of a pod, workload or zone: state, pods, owners, Events (-o yaml)
  zonectl events TARGET        Events of a pod, a workload with its pods and HookRuns, or a zone
  zonectl version              version, commit, build date and runtime
  zonectl completion SHELL     bash/zsh/fish completion (commands, flags, contexts, live names)

As a kubectl plugin: 'kubectl zonectl ...' with kubectl-zonectl (a link to zonectl) on PATH.

Console flags
{consoleFlags}

Fleet flags (the console and every command)
{fleetFlags}

Run 'zonectl '<'command> --help' for a command's flags. Exit codes: 0 ok, 1 condition not met,
2 usage, 3 some clusters failed, 4 forbidden, 5 conflict, >=10 bug.
`,
  'commands.help.fleetFlags': `  --context NAME         a kubeconfig context (repeatable)
  --all-contexts         every context in the kubeconfig
  -n, --namespace NS     one namespace (default: the context's namespace, else "default")
  -A, --all-namespaces   every namespace
  -l, --selector SEL     label selector for workloads and pods
  -o, --output FMT       table | wide | json | yaml | name
  --kubeconfig FILE      instead of $KUBECONFIG / ~/.kube/config
  --request-timeout MS   per-request timeout in milliseconds (default 10000, at most 600000)
  --readonly             no mutating action anywhere
  --lang LANG            en | zh-CN: the language a person reads (default: lang: in the config file,
                         else LC_ALL / LC_MESSAGES / LANG); -o json|yaml|name is always English
  --kubefed-host CTX     the fleet is this kubefed host plus every KubeFedCluster member that a
                         kubeconfig context reaches (matched by API endpoint)`,
  'commands.help.consoleFlags': `  --theme NAME           dark (default) | light | high-contrast | mono (NO_COLOR forces mono)
  --diff-repo PATH|URL   config repo for the Git-vs-live view (:diff or 5); default: diff.repo in the config file
  --diff-ref REF         branch, tag or commit of that repo (default HEAD)
  --diff-map FILE        mapping file instead of the repo's zonectl.yaml`,
  'commands.help.actionFlags': `  --context NAME         the kubeconfig context (exactly one; default: the current context)
  -n, --namespace NS     namespace (default: the context's namespace, else "default")
  --reason TEXT          why: recorded in the audit annotation, the Event and the local log
  -y, --yes              do not ask (required when stdin is not a terminal)
  --dry-run              send the writes with dryRun=All and print the plan; nothing changes
  --wait                 follow the rollout until the action's target state (progress on stdout)
  --timeout DUR          for --wait: give up after DUR (1ms..24h, e.g. 90s, 5m; default 5m) -> exit 1
  --force                with --yes: accept warnings that need explicit confirmation
  --confirm NAME         with --yes on a protected context: the workload's name (--yes alone is refused);
                         for a batch, the protected clusters (--confirm shanghai,nanjing)

Many targets at once (a batch: one card, one confirmation, a result table, one batch id in the audit):
  several '<'kind>/'<'name> or '<'cluster>/'<'namespace>/'<'kind>/'<'name> (the -o name form), or - to read them
  from stdin (zonectl rollouts -A --all-contexts -o name | zonectl approve - --yes), or no target and a
  selection: --context/--all-contexts, -n/-A, -l, --state paused|failed|updating|complete, --step N
  (1-based), --image-from IMAGE, --zone 101,110-120 (zone ids and ranges), --batch ID (what a fleet
  action last acted on: stop a release fleet-wide with zonectl hold --batch ID -A --all-contexts).
  Exit 0 when every target did what was asked; else the targets' own code when they share one, else 1.
  --waves 1,10%,50%,100% act in waves (counts or cumulative percentages, or a plan named in the config's
                         waves:); after each wave a gate follows its targets to the target state and
                         the first failure stops the release: later targets are "not started"
  --gate ask             also ask for a go before each next wave (a terminal is needed)
  --resume ID            continue batch ID where it stopped (from any host): targets whose audit
                         annotation carries ID are already done; the waves come from them
  -o json                print the result as JSON
  --kubeconfig FILE, --request-timeout MS, --readonly

Exit codes: 0 done, 1 not possible in the current state or --wait gave up, 2 usage / not
confirmed (a kubeconfig context without a usable client included), 3 a cluster could not be reached or
failed (no answer, a server error, an access review that could not be made; for a selection: a cluster
that could not be listed, its workloads left out), 4 forbidden (RBAC, read-only mode), 5 the object
changed since it was read.`,
  'commands.help.podActionFlags': `  --context NAME         the kubeconfig context (exactly one; default: the current context)
  -n, --namespace NS     namespace (default: the context's namespace, else "default")
  --reason TEXT          why: recorded in the Event on the pod and the local audit log
  -y, --yes              do not ask (required when stdin is not a terminal)
  --dry-run              print the plan (delete: sent with dryRun=All); nothing changes, no shell opens
  --force                with --yes: accept warnings that need explicit confirmation
  --confirm NAME         with --yes on a protected context: the pod's name
  --kubeconfig FILE, --request-timeout MS, --readonly`,
  'commands.help.action': `
Usage: zonectl {action} '<'kind>/'<'name> [flags]

{what}
{kinds}.

Flags:
{actionFlags}
`,
  'commands.help.kindsPrefix': 'Kinds: ',
  'commands.help.targetsFirst': 'Targets: pod/NAME (or NAME)',
  'commands.help.targetsLast': 'zone/ID.',
  'commands.help.logsTargetsLast': 'zone/ID, or no target and -l SELECTOR.',
  'commands.help.what.approve':
    'Continue the paused step of a rollout (bk-bcs: spec.updateStrategy.paused=false; Argo: promote;\nKruise: StepPaused -> StepReady; OKG GameServerSet: partition 0). The step index and revision you saw\nmust still hold.',
  'commands.help.what.reject':
    'Roll back a rollout (bk-bcs: restore the pod template of the last released ControllerRevision;\nArgo: abort; Kruise: roll the workload back to the stable revision).',
  'commands.help.what.skipHook':
    'Terminate the running step HookRun (spec.terminate=true). The run is assessed Successful\nand the step advances: the hook result is NOT checked.',
  'commands.help.what.retryHooks':
    'Set the retry flag of the failed pod hooks (pre-delete / pre-inplace / post-inplace): the\ncontroller deletes the failed HookRuns so they run again. Argo: retry an aborted rollout.',
  'commands.help.what.hold':
    'Freeze a rollout durably: bk-bcs / StatefulSet partition = replicas (the old value is kept\nin the zonectl.io/hold annotation); Deployment, Rollouts and OKG GameServerSets: paused. Undo with release.',
  'commands.help.what.release':
    'Undo a zonectl hold: restore the partition recorded in the zonectl.io/hold annotation, or\nresume a paused Deployment / Rollout.',
  'commands.help.what.restart':
    'Restart the pods of a workload as its controller supports: the pod template annotation\nkubectl.kubernetes.io/restartedAt (Deployment, StatefulSet, GameDeployment, GameStatefulSet,\nGameServerSet: rolled out per the update strategy; the plan says how, and warns where an in-place\nstrategy restarts no container) or spec.restartAt (Argo Rollout). Refused below kubefed and Argo CD,\nwhich would put the template back and roll the pods a second time.',
} as const;
