// English `--help` pages of the list, read and follow commands, the demo, the console and completion
// (the usage and the action commands' texts are commands-help.ts's): merged by ../catalog.ts. ICU: a
// literal '{', '}' or '<' is quoted; {fleetFlags} and the like are filled in by the command.
export const pageMessages = {
  'commands.help.clusters': `
Usage: zonectl clusters [flags]

Each cluster in the fleet: connection state, server version, latency, installed game kinds, last error.

Flags:
{fleetFlags}
`,
  'commands.help.zones': `
Usage: zonectl zones [flags]

Every game zone (GameZone objects, or workloads labelled with the zone label) across the fleet.

Flags:
{fleetFlags}
`,
  'commands.help.rollouts': `
Usage: zonectl rollouts [flags]

Game workloads whose rollout is progressing, paused or failed, across the fleet.

Flags:
  --all                  include workloads whose rollout is complete
  --batch ID             only the workloads a fleet action (batch ID) acted on last, whatever
                         their state (-o wide adds LAST-ACTION: action, who, when, batch and wave)
{fleetFlags}
`,
  'commands.help.hookruns': `
Usage: zonectl hookruns [flags]

HookRuns (canary-step, pre-delete, pre-inplace, post-inplace) with their phase and metric results.

Flags:
{fleetFlags}
`,
  'commands.help.releases': `
Usage: zonectl releases [flags]

Fleet actions (batches, e.g. a hot update in waves) found in the clusters: every workload a batch
last acted on records its batch id, wave and wave plan, so this works from any host. Columns: the
waves reached, targets, how many are complete / still rolling / failed, and the state (failed,
rolling, stopped = waves left to run: continue with --resume BATCH, complete). -o wide adds each
wave's progress. A batch's workloads: zonectl rollouts --batch BATCH. Targets a stopped release
never reached carry nothing, so they are not counted.

Flags:
{fleetFlags}
`,
  'commands.help.alerts': `
Usage: zonectl alerts [flags]

What needs you now across the fleet, worst first then oldest: rollouts paused too long (awaiting
approval, a hook, held), hooks Failed/Error/Inconclusive, rollouts failed or stalled, pods in
ImagePullBackOff / CrashLoopBackOff / OOMKilled / not ready, restarts rising, hot updates an owner
reverted, federation propagation failed, clusters unreachable or forbidden, zones on mixed versions.
Thresholds: the config file's alerts: section (see README).

Flags:
  --severity S           only alerts at or above S: critical, warning or info (default info)
  --watch                keep running: one line per alert raised or cleared (-o json: one JSON
                         object a line, '{'"event":"raised"|"cleared", ...alert'}') until interrupted
{fleetFlags}
Exit codes: 0 no alert at or above --severity, 1 some, 3 some clusters failed, 4 all forbidden.
`,
  'commands.help.versions': `
Usage: zonectl versions [flags]

The version (image tag) every service of every zone runs, beside the version its GameZone (serviceConfig
image, else defaultImage) or its Federated object (template + this cluster's override) asks for. One row
per zone and service. STATE: mixed (its pods run two versions; "updating" when only the workload was
read), drift (runs something else than asked), zone mixed (another service of the zone built from the
same image runs another tag), missing (no workload), ok.

Flags:
  --version FILTER       only services running a matching version: 1.8 / 1.8.x (prefix on dot
                         boundaries: 1.8.2, not 1.80), =1.8.2, >=1.8 '<'1.9 (all terms must hold)
  --mixed                only zones that run mixed versions
  --no-pods              read what runs from the workloads (spec image on the updated pods) instead
                         of listing every pod: faster on very large fleets, blind to old tags
  --repo PATH|URL        also what a config repo asks (GIT column of -o wide; STATE "git wants X"):
                         a Git-vs-live run as 'zonectl diff' does (dry-runs per object, so opt-in)
  --ref REF              branch, tag or commit of --repo (default HEAD)
  --map FILE             mapping file instead of the repo's zonectl.yaml
{fleetFlags}
`,
  'commands.help.compare': `
Usage: zonectl compare ZONE ZONE [flags]
       zonectl compare --context A --context B [flags]

Two zones, or two clusters (every zone of each), side by side: per service its kind, replicas and
container images, the zone's default image and its GameZone config (passwords and keys masked: equal
secrets show the same ***(hmac:...) marker). Two clusters: the zone ids each has, per service the
versions and replica counts across its zones, and the zones both have, fact by fact.
Lines: | differs, '<' only in A, > only in B (blank: equal, shown with --all).

ZONE is zone/ID, or CLUSTER/zone/ID when the id is in several clusters. A zone id finds its namespace:
without -n every namespace is searched. The fleet is the clusters the zones name, else the fleet flags.

Flags:
  --all                  also the lines that are equal
  --exit-code            exit 1 when there are differences, 0 when none (like diff / git diff)
  -o, --output FMT       table (default) | json | yaml
{fleetFlags}
`,
  'commands.help.diff': `
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
JSON: '{'kind: DiffReport, repo:'{'source,ref,commit'}', apps:['{'app,cluster,namespace,path,tool,status,error?,warnings,
objects:['{'group,kind,apiVersion,namespace,name,status,predictedBy,approximate,note?,warnings,dryRun?,prune?,
liveYaml,predictedYaml,diff'}']'}'], errors, counts, stats, durationMs'}'.
`,
  'commands.help.describe': `
Usage: zonectl describe '<'target> [flags]

{targets}
What kubectl describe shows, and what zonectl knows: rollout state and step, revisions, conditions,
containers and images, the pods with their states and restarts, who owns it (and reverts changes made
below it), and the newest Events of the object, its pods and its HookRuns (zonectl events: all).
A zone: its GameZone, services and the pods of all its workloads. Secrets are masked.

  -o yaml | json         the object itself (masked, managedFields dropped), like kubectl get -o yaml

Flags:
{fleetFlags}

A zone id without -n is looked for in every namespace. Exit codes: 0 ok, 2 usage or not found in any
selected cluster, 3 some clusters failed, 4 forbidden.
`,
  'commands.help.events': `
Usage: zonectl events '<'target> [flags]

{targets}
The Events of the target, its pods and its HookRuns (a zone: of all its workloads), merged and
newest first: LAST SEEN, TYPE, REASON, OBJECT, COUNT, MESSAGE (-o wide adds NAMESPACE and SOURCE).
Messages are masked like every line zonectl writes.

Flags:
{fleetFlags}
  --warnings             only Warning events

A zone id without -n is looked for in every namespace. Exit codes: 0 ok (also when there are no
Events), 2 usage or the target not found in any selected cluster, 3 some clusters failed, 4 forbidden.
`,
  'commands.help.logs': `
Usage: zonectl logs '<'target> [-f] [flags]

{targets} Every selected cluster is searched.
With -f, a pod watch per cluster keeps the set current: new pods join (+), deleted pods leave (-),
containers restarted in place are re-tailed (~) without repeating or losing lines.

Flags:
  -f, --follow            keep following (until Ctrl+C)
  --since DURATION        only lines newer than this (5s, 2m, 3h) for containers present at start
  --tail N                last N lines of containers present at start (default: all for a pod,
                          10 for a workload, zone or selector; -1 = all)
  --timestamps            prefix each line with its kubelet timestamp
  -p, --previous          the previous (terminated) container instance; not with -f
  -c, --container REGEX   only containers whose name matches
  -i, --include REGEX     only lines matching (repeatable: any of them)
  -e, --exclude REGEX     drop lines matching (repeatable)
  --max-streams N         at most N concurrent container streams (default 100; 0 = no cap)
  -o, --output FMT        raw (default): "cluster/namespace/pod/container line"; json: one object per line
                          '{'cluster, namespace, pod, container, timestamp, message'}'
  --context NAME          a kubeconfig context (repeatable); --all-contexts for every context
  --kubefed-host CTX      the kubefed host and every member a kubeconfig context reaches
  -n, --namespace NS      one namespace (default: the context's namespace, else "default")
  -A, --all-namespaces    every namespace
  -l, --selector SEL      label selector (narrows a kind/NAME target)
  --kubeconfig FILE       instead of $KUBECONFIG / ~/.kube/config
  --request-timeout MS    per-request timeout in milliseconds (default 10000, at most 600000)

Markers and errors go to stderr; lines go to stdout. Exit codes: 0 ok, 1 nothing matched (no pod,
or no container matched -c; without -f), 2 usage or a pod or workload not found, 3 some clusters
failed, 4 forbidden.
`,
  'commands.help.demo': `
Usage: zonectl demo [flags]

Starts a simulated federation of game clusters (shanghai, nanjing, singapore + a kubefed host) on
127.0.0.1 and opens the console on it. Nothing leaves this machine. A small Git config repo describing
the demo's zones (with a few objects drifted on purpose) is written next to the kubeconfig: :diff (or 5)
in the console compares it with live, as does 'zonectl diff --repo '<'path>'.

Flags:
  --serve                 run headless: print the kubeconfig path and contexts, serve until Ctrl-C
  --seed N                random seed (default 1): the same seed gives the same world
  --speed X               simulated time runs X times faster (default 1, at most 10000)
  --clusters N            member clusters (default 3, at most 100)
  --zones N               zones in total, spread over the clusters (default 12, at most 100000)
  --pods-per-service N    pods per game service (default 3, at most 1000)
  --services-per-zone N   services per zone (default 6, at most 100)
                          (zones × services × pods: at most 1000000 pods)
  --theme NAME            console theme
  --lang LANG             en | zh-CN (default: lang: in the config file, else the locale)
`,
  'commands.help.ui': `
Usage: zonectl [flags]

Opens the console on the selected clusters (needs a terminal). Without -n it shows every namespace
(zones live in a namespace each); ':ns NAME' narrows the view to one, ':ns all' widens it again.

Flags:
{consoleFlags}
{fleetFlags}
`,
  'commands.help.hotupdate': `
Usage: zonectl hotupdate '<'kind>/'<'name> --container C --image I [--partition N | --one-pod-first] [flags]
       zonectl hotupdate '<'kind>/'<'name> --continue [--partition N] [--container C] [flags]
       zonectl hotupdate --undo BATCH [--context C ... | --all-contexts] [-A] [--waves W] [flags]

Set one container's image (JSON patch with a test on the old image). With InplaceUpdate /
HotPatchUpdate the pods keep their identity; other strategies recreate pods: zonectl warns and
needs explicit confirmation (--force with --yes).

  --container C          the container to change
  --image I              the new image
  --partition N          also set the partition (GameDeployment: pods kept old; GameStatefulSet /
                         StatefulSet: lowest ordinal that updates; GameServerSet: servers kept old)
  --one-pod-first        partition = replicas - 1: one pod takes the new image first
  --continue             keep the images and move the partition (default 0: every pod updates);
                         the way on after --one-pod-first, in either direction with --partition N
  --undo BATCH           roll a fleet hot update back: every workload whose last action was that
                         batch's hot update gets back the image it replaced (recorded in its audit
                         annotation); a batch of its own, in waves with --waves

Flags:
{actionFlags}
`,
  'commands.help.delete': `
Usage: zonectl delete pod/NAME [flags]

Delete one pod; its controller recreates it: GameStatefulSet / StatefulSet / GameServerSet under the
same name (and volumes), GameDeployment / ReplicaSet as a new pod with a new name. The plan says which.
A pod no controller owns is gone for good: that needs explicit confirmation (--force with --yes). The
delete carries the pod's uid as a precondition, so a pod recreated under the same name since it was
read is not deleted again (exit 5). Recorded as an Event on the pod and in the local audit log.

Flags:
  --grace-period SECONDS the pod's time to stop (default: its terminationGracePeriodSeconds)
{podActionFlags}

Exit codes: 0 done, 1 not possible (already being deleted), 2 usage / not confirmed, 3 the cluster
could not be reached, 4 forbidden (RBAC, read-only mode), 5 the pod changed since it was read.
`,
  'commands.help.shell': `
Usage: zonectl shell pod/NAME [-c CONTAINER] [flags]

Open a shell in a running pod: runs kubectl exec -it -n NS POD -c CONTAINER --context CTX -- sh on
this terminal (config file: shell: [kubectl, exec, -it, -n, "{nsHolder}", "{pod}", -c,
"{container}", --context, "{ctx}", --, bash] to change it). Before it runs: the access review
(get pods, create pods/exec), the confirmation and the audit (an Event on the pod, the local log).

Flags:
  -c, --container NAME   the container (default: the pod's first)
{podActionFlags}

Exit codes: the shell's own exit code once it ran; before that as every action: 1 not possible (the
pod is not Running, no such container), 2 usage / not confirmed, 3 unreachable, 4 forbidden.
`,
  'commands.help.completion': `
Usage: zonectl completion bash|zsh|fish

Prints a completion script for the shell: commands, flags, contexts, namespaces, kinds and names from
the live cluster. The scripts complete kubectl-zonectl too.

  bash:  source '<'(zonectl completion bash)          # in ~/.bashrc
  zsh:   source '<'(zonectl completion zsh)           # in ~/.zshrc, after compinit
  fish:  zonectl completion fish > ~/.config/fish/completions/zonectl.fish
`,
} as const;
