// 简体中文 `--help` pages: one for every key of ../en/commands-pages.ts. Flags keep their column (the
// descriptions start where the English ones do) and lines stay within 80 display columns.
import type { pageMessages as en } from '../en/commands-pages.js';

export const pageMessages = {
  'commands.help.clusters': `
用法：zonectl clusters [选项]

集群群组中的每个集群：连接状态、服务器版本、延迟、已安装的游戏类型、最近的错误。

选项：
{fleetFlags}
`,
  'commands.help.zones': `
用法：zonectl zones [选项]

所有集群中的全部游戏区服（GameZone 对象，或带有区服标签的工作负载）。

选项：
{fleetFlags}
`,
  'commands.help.rollouts': `
用法：zonectl rollouts [选项]

所有集群中正在发布、已暂停或发布失败的游戏工作负载。

选项：
  --all                  也列出已发布完成的工作负载
  --batch ID             只列出某次集群群组操作（批量 ID）最后作用的工作负载，
                         不论其状态（-o wide 增加 LAST-ACTION 列：操作、操作人、
                         时间、批量操作和批次）
{fleetFlags}
`,
  'commands.help.hookruns': `
用法：zonectl hookruns [选项]

HookRun（canary-step、pre-delete、pre-inplace、post-inplace）及其阶段和指标
结果。

选项：
{fleetFlags}
`,
  'commands.help.releases': `
用法：zonectl releases [选项]

集群中记录的集群群组操作（批量操作，如分批热更新）：批量最后作用的每个工作负载
都记录了批量操作 ID、批次和批次计划，因此在任何主机上都能查看。各列：已到达的
批次、目标数、已完成 / 仍在发布 / 失败的数量，以及状态（failed、rolling、
stopped = 还有未执行的批次：用 --resume BATCH 继续、complete）。-o wide 增加每个
批次的进度。查看批量操作的工作负载：zonectl rollouts --batch BATCH。已停止的发布
未到达的目标不带记录，因此不计入。

选项：
{fleetFlags}
`,
  'commands.help.alerts': `
用法：zonectl alerts [选项]

所有集群中需要立即处理的事，最严重的在前，其次按时间先后：暂停过久的发布（等待
审批、钩子或已挂起），钩子 Failed/Error/Inconclusive，发布失败或停滞，Pod 处于
ImagePullBackOff / CrashLoopBackOff / OOMKilled / 未就绪，重启次数上升，热更新被
属主改回，联邦分发失败，集群无法连接或无权限，区服版本不一致。
阈值：配置文件的 alerts: 部分（见 README）。

选项：
  --severity S           只显示不低于 S 的告警：critical、warning 或 info
                         （默认 info）
  --watch                持续运行直到中断：每个告警产生或解除时输出一行
                         （-o json：每行一个 JSON 对象，
                         '{'"event":"raised"|"cleared", ...alert'}'）
{fleetFlags}
退出码：0 没有不低于 --severity 的告警，1 有告警，3 部分集群失败，4 全部无权限。
`,
  'commands.help.versions': `
用法：zonectl versions [选项]

每个区服每个服务实际运行的版本（镜像标签），以及其 GameZone（serviceConfig 的
image，否则 defaultImage）或联邦对象（模板 + 本集群的覆盖）期望的版本。每个区服
每个服务一行。STATE：mixed（其 Pod 运行两个版本；只读取了工作负载时为
"updating"），drift（运行的与期望的不同），zone mixed（该区服用同一镜像构建的
另一服务运行另一个标签），missing（没有工作负载），ok。

选项：
  --version FILTER       只显示运行匹配版本的服务：1.8 / 1.8.x（按点分段的前缀：
                         匹配 1.8.2，不匹配 1.80），=1.8.2，>=1.8 '<'1.9（所有条件
                         都须满足）
  --mixed                只显示运行多个版本的区服
  --no-pods              从工作负载读取运行版本（已更新 Pod 的 spec 镜像），
                         不逐个列出 Pod：超大集群群组上更快，但看不到旧标签
  --repo PATH|URL        同时显示配置仓库期望的版本（-o wide 的 GIT 列；
                         STATE "git wants X"）：像 'zonectl diff' 一样做一次
                         Git 与线上对比（每个对象一次试运行，因此需显式开启）
  --ref REF              --repo 的分支、标签或提交（默认 HEAD）
  --map FILE             映射文件，代替仓库中的 zonectl.yaml
{fleetFlags}
`,
  'commands.help.compare': `
用法：zonectl compare ZONE ZONE [选项]
      zonectl compare --context A --context B [选项]

并排对比两个区服，或两个集群（各自的全部区服）：每个服务的类型、副本数和容器
镜像，区服的默认镜像及其 GameZone 配置（密码和密钥已遮蔽：相同的密文显示相同的
***(hmac:...) 标记）。两个集群：各自拥有的区服 ID，每个服务在其区服中的版本和
副本数，以及两边都有的区服，逐项对比。
行首：| 不同，'<' 仅 A 有，> 仅 B 有（空白：相同，用 --all 显示）。

ZONE 为 zone/ID，或 ID 存在于多个集群时用 CLUSTER/zone/ID。区服 ID 会自动找到
其命名空间：不指定 -n 时搜索所有命名空间。集群群组为区服所指的集群，否则按
集群群组选项。

选项：
  --all                  也显示相同的行
  --exit-code            有差异时退出码为 1，无差异时为 0（同 diff / git diff）
  -o, --output FMT       table（默认）| json | yaml
{fleetFlags}
`,
  'commands.help.diff': `
用法：zonectl diff --repo PATH|URL [--ref REF] [--app NAME] [--map FILE]
                  [--context NAME] [选项]

将 Git 配置仓库某个版本与其部署到的集群中的线上对象对比，无需 Argo CD 服务器。
应用来自仓库根目录的 zonectl.yaml（apps:；generators:，类似 ApplicationSet
的 git files/directories 生成器；applicationSets:），或来自 --map FILE
（zonectl.yaml 或 ApplicationSet 清单）。支持渲染普通 YAML 目录、kustomize
（kubectl kustomize）和 Helm chart（helm template）；预测的线上状态来自服务端
apply 试运行（不允许试运行时在客户端计算并标为近似）。
两边的 Secret 数据和敏感字段均已遮蔽。

选项：
  --repo PATH|URL        配置仓库（本地路径或 git URL；URL 缓存在
                         $XDG_CACHE_HOME 下）
  --ref REF              分支、标签或提交（默认 HEAD；从不读取本地工作区）
  --app NAME             只对比该应用（可重复）
  --map FILE             映射文件，代替仓库中的 zonectl.yaml
  --field-manager NAME   应用对象所用的字段管理器（默认取自 zonectl.yaml，
                         否则为 argocd-controller）
  --validate-new         对尚不存在的对象也做试运行（它们仍为 Missing）
  --exit-code            发现漂移时退出码为 1（0 无漂移，>=2 错误）
  --markdown             输出 Markdown 报告，用于合并请求评论
  -o, --output FMT       table（摘要 + 差异）| wide（另含 Synced 对象）| json
  --context NAME         只对比目标为该上下文的应用（可重复）
  --kubeconfig FILE      代替 $KUBECONFIG / ~/.kube/config
  --request-timeout MS   单次请求超时，单位毫秒（默认 30000，最大 600000）

KUBECTL_EXTERNAL_DIFF="prog args"：对 LIVE 和 MERGED 目录运行 prog，不打印差异。
退出码：0 无漂移（或未指定 --exit-code 时有漂移），1 指定 --exit-code 时有漂移，
2 用法错误或仓库/映射错误，3 部分应用无法对比（Unknown），4 无权限。
JSON：'{'kind: DiffReport, repo:'{'source,ref,commit'}',
apps:['{'app,cluster,namespace,path,tool,status,error?,warnings,
objects:['{'group,kind,apiVersion,namespace,name,status,predictedBy,approximate,
note?,warnings,dryRun?,prune?,liveYaml,predictedYaml,diff'}']'}'], errors, counts,
stats, durationMs'}'。
`,
  'commands.help.describe': `
用法：zonectl describe '<'target> [选项]

{targets}
kubectl describe 显示的内容，以及 zonectl 所知道的：发布状态和步骤、版本、状况、
容器和镜像、Pod 及其状态和重启次数、属主（以及会改回其下层修改的对象），
以及对象、其 Pod 和 HookRun 的最新事件（全部事件见 zonectl events）。
区服：其 GameZone、服务和所有工作负载的 Pod。Secret 已遮蔽。

  -o yaml | json         对象本身（已遮蔽，去掉 managedFields），
                         同 kubectl get -o yaml

选项：
{fleetFlags}

不指定 -n 时在所有命名空间中查找区服 ID。退出码：0 正常，2 用法错误或在所选
集群中都未找到，3 部分集群失败，4 无权限。
`,
  'commands.help.events': `
用法：zonectl events '<'target> [选项]

{targets}
目标、其 Pod 和 HookRun 的事件（区服：其所有工作负载的事件），合并后最新的在前：
LAST SEEN、TYPE、REASON、OBJECT、COUNT、MESSAGE（-o wide 增加 NAMESPACE 和
SOURCE）。消息与 zonectl 输出的每一行一样经过遮蔽。

选项：
{fleetFlags}
  --warnings             只显示 Warning 事件

不指定 -n 时在所有命名空间中查找区服 ID。退出码：0 正常（没有事件时也是），
2 用法错误或在所选集群中都未找到目标，3 部分集群失败，4 无权限。
`,
  'commands.help.logs': `
用法：zonectl logs '<'target> [-f] [选项]

{targets}搜索所有选中的集群。
使用 -f 时，每个集群一个 Pod 监听保持集合最新：新 Pod 加入（+），删除的 Pod 离开
（-），原地重启的容器重新跟踪（~），不重复也不丢失日志行。

选项：
  -f, --follow            持续跟踪（直到 Ctrl+C）
  --since DURATION        启动时已有的容器只显示此时长内的行（5s、2m、3h）
  --tail N                启动时已有容器的最后 N 行（默认：Pod 为全部，
                          工作负载、区服或选择器为 10；-1 = 全部）
  --timestamps            每行前加上 kubelet 时间戳
  -p, --previous          上一个（已终止的）容器实例；不能与 -f 同用
  -c, --container REGEX   只看名称匹配的容器
  -i, --include REGEX     只显示匹配的行（可重复：匹配任一即可）
  -e, --exclude REGEX     丢弃匹配的行（可重复）
  --max-streams N         最多 N 个并发容器日志流（默认 100；0 = 不限）
  -o, --output FMT        raw（默认）："cluster/namespace/pod/container 行"；
                          json：每行一个对象 '{'cluster, namespace, pod,
                          container, timestamp, message'}'
  --context NAME          kubeconfig 上下文（可重复；全部用 --all-contexts）
  --kubefed-host CTX      kubefed 主集群及 kubeconfig 上下文能连到的每个成员
  -n, --namespace NS      一个命名空间（默认为上下文的命名空间，否则 "default"）
  -A, --all-namespaces    所有命名空间
  -l, --selector SEL      标签选择器（缩小 kind/NAME 目标的范围）
  --kubeconfig FILE       代替 $KUBECONFIG / ~/.kube/config
  --request-timeout MS    单次请求超时，单位毫秒（默认 10000，最大 600000）

标记和错误输出到标准错误；日志行输出到标准输出。退出码：0 正常，1 没有匹配（没有
Pod，或没有容器匹配 -c；未用 -f 时），2 用法错误或找不到 Pod 或工作负载，3 部分
集群失败，4 无权限。
`,
  'commands.help.demo': `
用法：zonectl demo [选项]

在 127.0.0.1 上启动一个模拟的游戏集群联邦（shanghai、nanjing、singapore 和一个
kubefed 主集群），并在其上打开控制台。数据不会离开本机。kubeconfig 旁会写入一个
描述演示区服的小型 Git 配置仓库（有几个对象故意漂移）：控制台中的 :diff（或 5）
将其与线上对比，'zonectl diff --repo '<'path>' 也一样。

选项：
  --serve                 无界面运行：打印 kubeconfig 路径和上下文，
                          持续服务直到 Ctrl-C
  --seed N                随机种子（默认 1）：相同种子得到相同的世界
  --speed X               模拟时间加速 X 倍（默认 1，最大 10000）
  --clusters N            成员集群数（默认 3，最大 100）
  --zones N               区服总数，分布在各集群中（默认 12，最大 100000）
  --pods-per-service N    每个游戏服务的 Pod 数（默认 3，最大 1000）
  --services-per-zone N   每个区服的服务数（默认 6，最大 100）
                          （区服 × 服务 × Pod：最多 1000000 个 Pod）
  --theme NAME            控制台主题
  --lang LANG             en | zh-CN（默认：配置文件中的 lang:，
                          否则取系统区域设置）
`,
  'commands.help.ui': `
用法：zonectl [选项]

在选中的集群上打开控制台（需要终端）。不指定 -n 时显示所有命名空间（每个区服
各占一个命名空间）；':ns NAME' 将视图缩小到一个命名空间，':ns all' 恢复全部。

选项：
{consoleFlags}
{fleetFlags}
`,
  'commands.help.hotupdate': `
用法：zonectl hotupdate '<'kind>/'<'name> --container C --image I
                         [--partition N | --one-pod-first] [选项]
      zonectl hotupdate '<'kind>/'<'name> --continue [--partition N]
                         [--container C] [选项]
      zonectl hotupdate --undo BATCH [--context C ... | --all-contexts] [-A]
                         [--waves W] [选项]

设置一个容器的镜像（JSON patch，并校验旧镜像）。使用 InplaceUpdate /
HotPatchUpdate 时 Pod 保持原有身份；其他策略会重建 Pod：zonectl 会给出警告，
并需要明确确认（--force 与 --yes 同用）。

  --container C          要修改的容器
  --image I              新镜像
  --partition N          同时设置分区（GameDeployment：保持旧版本的 Pod 数；
                         GameStatefulSet / StatefulSet：开始更新的最小序号；
                         GameServerSet：保持旧版本的服务器数）
  --one-pod-first        分区 = 副本数 - 1：先让一个 Pod 使用新镜像
  --continue             保持镜像，移动分区（默认 0：所有 Pod 都更新）；
                         用于 --one-pod-first 之后的下一步，配合
                         --partition N 可双向移动
  --undo BATCH           回滚一次集群群组热更新：最后一次操作是该批量热更新
                         的每个工作负载，都恢复为被替换前的镜像（记录在其
                         审计注解中）；
                         自成一次批量操作，可用 --waves 分批执行

选项：
{actionFlags}
`,
  'commands.help.delete': `
用法：zonectl delete pod/NAME [选项]

删除一个 Pod，由其控制器重建：GameStatefulSet / StatefulSet / GameServerSet
以相同名称（及存储卷）重建，GameDeployment / ReplicaSet 以新名称新建 Pod。计划
会说明是哪种。没有控制器管理的 Pod 删除后不会恢复：需要明确确认（--force 与
--yes 同用）。删除以 Pod 的 uid 为前提条件，因此读取之后以相同名称重建的 Pod
不会被再次删除（退出码 5）。记录为 Pod 上的事件，并写入本地审计日志。

选项：
  --grace-period SECONDS Pod 的停止时限（默认取其
                         terminationGracePeriodSeconds）
{podActionFlags}

退出码：0 已完成，1 无法执行（已在删除中），2 用法错误 / 未确认，
3 无法连接集群，4 无权限（RBAC、只读模式），5 Pod 在读取后已被修改。
`,
  'commands.help.shell': `
用法：zonectl shell pod/NAME [-c CONTAINER] [选项]

在运行中的 Pod 里打开 shell：在本终端运行
kubectl exec -it -n NS POD -c CONTAINER --context CTX -- sh（配置文件中用
shell: [kubectl, exec, -it, -n, "{nsHolder}", "{pod}", -c, "{container}",
--context, "{ctx}", --, bash] 修改）。运行前先做权限检查（get pods、
create pods/exec）、确认和审计（Pod 上的事件、本地日志）。

选项：
  -c, --container NAME   容器（默认：Pod 的第一个容器）
{podActionFlags}

退出码：运行后为 shell 自身的退出码；运行前同其他操作：1 无法执行（Pod 不在
Running 状态、没有该容器），2 用法错误 / 未确认，3 无法连接，4 无权限。
`,
  'commands.help.completion': `
用法：zonectl completion bash|zsh|fish

输出 shell 的补全脚本：命令、选项、上下文、命名空间、类型以及线上集群中的
对象名。这些脚本也能补全 kubectl-zonectl。

  bash:  source '<'(zonectl completion bash)          # 写入 ~/.bashrc
  zsh:   source '<'(zonectl completion zsh)           # ~/.zshrc，compinit 后
  fish:  zonectl completion fish > ~/.config/fish/completions/zonectl.fish
`,
} satisfies Record<keyof typeof en, string>;
