// Help texts the entry prints without loading any command (zonectl --help must stay fast): the fleet
// flags every command shares and the console's own flags.

export const FLEET_HELP = `  --context NAME         a kubeconfig context (repeatable)
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
                         kubeconfig context reaches (matched by API endpoint)`;

/** The console's flags (zonectl with no command, and zonectl demo's console). */
export const CONSOLE_HELP = `  --theme NAME           dark (default) | light | high-contrast | mono (NO_COLOR forces mono)
  --diff-repo PATH|URL   config repo for the Git-vs-live view (:diff or 5); default: diff.repo in the config file
  --diff-ref REF         branch, tag or commit of that repo (default HEAD)
  --diff-map FILE        mapping file instead of the repo's zonectl.yaml`;
