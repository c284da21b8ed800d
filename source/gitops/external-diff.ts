// KUBECTL_EXTERNAL_DIFF: like kubectl, write LIVE and MERGED directories (one YAML file per object named
// `<group.>version.Kind.namespace.name`) and run `program [args] LIVE MERGED`; the value is split on spaces and only
// arguments matching ^[a-zA-Z0-9-=]+$ are kept. The program's exit 0/1 mean no diff / diff; >1 is an error.
import { t as tr } from '../i18n/t.js';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiffReport } from './types.js';

export function externalDiffCommand(value: string | undefined): { program: string; args: string[] } | undefined {
  const parts = (value ?? '').trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return undefined;
  return { program: parts[0]!, args: parts.slice(1).filter((a) => /^[a-zA-Z0-9-=]+$/.test(a)) };
}

export async function runExternalDiff(
  report: DiffReport,
  cmd: { program: string; args: string[] },
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'zonectl-diff-'));
  const live = join(root, 'LIVE');
  const merged = join(root, 'MERGED');
  mkdirSync(live);
  mkdirSync(merged);
  try {
    for (const a of report.apps) {
      for (const o of a.objects) {
        if (o.status === 'Synced' || o.status === 'Unknown') continue;
        const [, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
        const name = `${a.cluster}.${o.group ? `${o.group}.` : ''}${version}.${o.kind}.${o.namespace || '_'}.${o.name}`.replace(
          /[/\\]/g,
          '_',
        );
        if (o.liveYaml) writeFileSync(join(live, name), o.liveYaml);
        if (o.predictedYaml) writeFileSync(join(merged, name), o.predictedYaml);
      }
    }
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(cmd.program, [...cmd.args, live, merged], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (c: Buffer) => out.write(c));
      child.on('error', (e) => reject(new Error(tr('report.gitops.externalDiff', { program: cmd.program, message: e.message }))));
      child.on('close', (code) => resolve(code ?? 2));
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
