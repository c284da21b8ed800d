// 简体中文 help texts of the commands area: one for every key of ../en/commands-help.ts. Flags keep their
// column (the descriptions start where the English ones do) and lines stay within 80 display columns.
import type { helpMessages as en } from '../en/commands-help.js';

export const helpMessages = {
  'commands.help.usage': `zonectl — 跨 Kubernetes 集群管理游戏区服与发布

用法
  zonectl                      打开控制台（需要终端）
  zonectl demo [--serve]       在模拟联邦上打开控制台（无需集群）
  zonectl clusters             集群群组中每个集群的连接状态
  zonectl zones                所有集群中的全部游戏区服
  zonectl rollouts             正在发布、已暂停或失败的游戏工作负载
  zonectl hookruns             钩子运行及其阶段和指标结果
  zonectl releases             集群记录的集群群组操作（批量操作、批次）
  zonectl alerts [--watch]     需要立即处理的事：暂停过久、钩子失败、Pod 异常、
                               集群宕机
  zonectl versions             各区服各服务实际运行与期望的版本（--version 1.8）
  zonectl compare A B          对比两个区服（zone/101 zone/201）或两个集群
                               （--context x --context y）
  zonectl diff --repo PATH|URL Git 配置仓库某个版本与线上对比：
                               Synced/Modified/Missing/Extra 及差异
  zonectl approve KIND/NAME    继续已暂停的步骤；另有 reject、skip-hook、
                               retry-hooks、hold、release（多个目标：-、
                               筛选条件、--waves 1,10%,50%,100%、--resume ID）
  zonectl hotupdate KIND/NAME  原地设置一个容器的镜像
                               （--container C --image I [--partition N]）
  zonectl restart KIND/NAME    按控制器支持的方式重启工作负载的 Pod
  zonectl delete pod/NAME      删除一个 Pod，由其控制器重建（计划中会说明方式）
  zonectl shell pod/NAME       经权限检查和审计后，在 Pod 中执行
                               kubectl exec -it ... -- sh
  zonectl logs TARGET -f       跨集群跟踪 Pod、工作负载、区服或 -l 选择器的日志
  zonectl describe TARGET      Pod、工作负载或区服的概要：状态、Pod、属主、事件
                               （-o yaml）
  zonectl events TARGET        Pod、工作负载（含其 Pod 和 HookRun）或区服的事件
  zonectl version              版本、提交、构建日期和运行时
  zonectl completion SHELL     bash/zsh/fish 补全（命令、选项、上下文、对象名）

作为 kubectl 插件：PATH 中有 kubectl-zonectl（指向 zonectl 的链接）时，
可用 'kubectl zonectl ...'。

控制台选项
{consoleFlags}

集群群组选项（控制台和所有命令通用）
{fleetFlags}

运行 'zonectl '<'command> --help' 查看各命令的选项。退出码：0 正常，1 条件不满足，
2 用法错误，3 部分集群失败，4 无权限，5 冲突，>=10 程序缺陷。
`,
  'commands.help.fleetFlags': `  --context NAME         kubeconfig 上下文（可重复）
  --all-contexts         kubeconfig 中的所有上下文
  -n, --namespace NS     一个命名空间（默认为上下文的命名空间，否则 "default"）
  -A, --all-namespaces   所有命名空间
  -l, --selector SEL     工作负载和 Pod 的标签选择器
  -o, --output FMT       table | wide | json | yaml | name
  --kubeconfig FILE      代替 $KUBECONFIG / ~/.kube/config
  --request-timeout MS   单次请求超时，单位毫秒（默认 10000，最大 600000）
  --readonly             禁止任何变更操作
  --lang LANG            en | zh-CN：界面语言（默认：配置文件中的 lang:，
                         否则取 LC_ALL / LC_MESSAGES / LANG）；
                         -o json|yaml|name 始终为英文
  --kubefed-host CTX     集群群组为该 kubefed 主集群，加上 kubeconfig 上下文
                         能连到的每个 KubeFedCluster 成员（按 API 地址匹配）`,
  'commands.help.consoleFlags': `  --theme NAME           dark（默认）| light | high-contrast | mono
                         （设置 NO_COLOR 时强制 mono）
  --diff-repo PATH|URL   Git 与线上对比视图（:diff 或 5）所用的配置仓库；
                         默认取配置文件中的 diff.repo
  --diff-ref REF         该仓库的分支、标签或提交（默认 HEAD）
  --diff-map FILE        映射文件，代替仓库中的 zonectl.yaml`,
  'commands.help.actionFlags': `  --context NAME         kubeconfig 上下文（只能一个；默认：当前上下文）
  -n, --namespace NS     命名空间（默认为上下文的命名空间，否则 "default"）
  --reason TEXT          原因：记入审计注解、事件和本地日志
  -y, --yes              不询问（标准输入不是终端时必须指定）
  --dry-run              以 dryRun=All 发送写入并打印计划；不做任何变更
  --wait                 跟踪发布直到操作的目标状态（进度输出到标准输出）
  --timeout DUR          用于 --wait：超过 DUR 后放弃（1ms..24h，如 90s、5m；
                         默认 5m）-> 退出码 1
  --force                与 --yes 同用：接受需要明确确认的警告
  --confirm NAME         在受保护上下文上与 --yes 同用：工作负载名称（仅 --yes
                         会被拒绝）；批量操作时为受保护的集群
                         （--confirm shanghai,nanjing）

一次操作多个目标（批量：一张卡片、一次确认、一张结果表、审计中一个批量 ID）：
  多个 '<'kind>/'<'name> 或 '<'cluster>/'<'namespace>/'<'kind>/'<'name>
  （即 -o name 的格式），或 - 从标准输入读取
  （zonectl rollouts -A --all-contexts -o name | zonectl approve - --yes），
  或不给目标而用筛选条件：--context/--all-contexts、-n/-A、-l、
  状态 --state paused|failed|updating|complete、步骤 --step N（从 1 开始）、
  镜像 --image-from IMAGE、区服 --zone 101,110-120（区服 ID 及范围）、
  批量 --batch ID（某次集群群组操作最后作用的对象；要在所有集群停止一次发布，
  可用 zonectl hold --batch ID -A --all-contexts）。
  所有目标都完成时退出码为 0；否则若各目标退出码相同则取该值，否则为 1。
  --waves 1,10%,50%,100% 分批执行（数量或累计百分比，或配置文件 waves: 中的
                         计划名）；每批之后由门禁跟踪其目标直到目标状态，
                         首个失败即停止发布：之后的目标为“未开始”
  --gate ask             每批开始前也征求同意（需要终端）
  --resume ID            从中断处继续批量操作 ID（任意主机均可）：审计注解中
                         带有该 ID 的目标视为已完成；批次也取自这些目标
  -o json                以 JSON 输出结果
  --kubeconfig FILE, --request-timeout MS, --readonly

退出码：0 已完成，1 当前状态下无法执行或 --wait 放弃等待，2 用法错误 / 未确认
（包括没有可用客户端的 kubeconfig 上下文），3 集群无法连接或失败（无应答、服务器
错误、无法进行权限检查；筛选时：无法列出的集群，其工作负载被略过），4 无权限
（RBAC、只读模式），5 对象在读取后已被修改。`,
  'commands.help.podActionFlags': `  --context NAME         kubeconfig 上下文（只能一个；默认：当前上下文）
  -n, --namespace NS     命名空间（默认为上下文的命名空间，否则 "default"）
  --reason TEXT          原因：记入 Pod 上的事件和本地审计日志
  -y, --yes              不询问（标准输入不是终端时必须指定）
  --dry-run              打印计划（delete 以 dryRun=All 发送）；不做变更，
                         也不打开 shell
  --force                与 --yes 同用：接受需要明确确认的警告
  --confirm NAME         在受保护上下文上与 --yes 同用：Pod 名称
  --kubeconfig FILE, --request-timeout MS, --readonly`,
  'commands.help.action': `
用法：zonectl {action} '<'kind>/'<'name> [选项]

{what}
{kinds}。

选项：
{actionFlags}
`,
  'commands.help.kindsPrefix': '类型：',
  'commands.help.targetsFirst': '目标：pod/NAME（或 NAME）',
  'commands.help.targetsLast': 'zone/ID。',
  'commands.help.logsTargetsLast': 'zone/ID，或不给目标而用 -l SELECTOR。',
  'commands.help.what.approve':
    '继续发布中已暂停的步骤（bk-bcs：spec.updateStrategy.paused=false；\nArgo：promote；Kruise：StepPaused -> StepReady；OKG GameServerSet：\npartition 0）。你看到的步骤序号和版本必须仍然成立。',
  'commands.help.what.reject':
    '回滚发布（bk-bcs：恢复最后一个已发布 ControllerRevision 的 Pod 模板；\nArgo：abort；Kruise：将工作负载回滚到稳定版本）。',
  'commands.help.what.skipHook':
    '终止当前步骤正在运行的 HookRun（spec.terminate=true）。该运行被判为 Successful，\n步骤继续推进：不检查钩子结果。',
  'commands.help.what.retryHooks':
    '为失败的 Pod 钩子（pre-delete / pre-inplace / post-inplace）设置重试标记：\n控制器删除失败的 HookRun 使其重新运行。Argo：重试已中止的发布。',
  'commands.help.what.hold':
    '持久冻结一次发布：bk-bcs / StatefulSet 的分区设为副本数（原值保存在\nzonectl.io/hold 注解中）；Deployment、Rollout 和 OKG GameServerSet：暂停。\n用 release 解除。',
  'commands.help.what.release': '解除 zonectl hold：恢复 zonectl.io/hold 注解中记录的分区，\n或恢复已暂停的 Deployment / Rollout。',
  'commands.help.what.restart':
    '按控制器支持的方式重启工作负载的 Pod：Pod 模板注解\nkubectl.kubernetes.io/restartedAt（Deployment、StatefulSet、GameDeployment、\nGameStatefulSet、GameServerSet：按更新策略逐步发布；计划会说明方式，并在原地升级\n策略不会重启任何容器时给出警告）或 spec.restartAt（Argo Rollout）。在 kubefed\n和 Argo CD 管理下拒绝执行，因为它们会改回模板，使 Pod 再被滚动一次。',
} satisfies Record<keyof typeof en, string>;
