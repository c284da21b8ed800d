// Multi-document YAML -> Kubernetes objects, parsed like Kubernetes does (YAML 1.1 booleans such as `yes`/`on`,
// kubernetes #34146; no timestamps or sexagesimal numbers, which sigs.k8s.io/yaml does not produce either).
// Errors name the file, the document index (1-based) and the line. `*List` kinds are expanded; null documents dropped.
import { t as tr } from '../i18n/t.js';
import { InputError } from '../errors.js';
import { LineCounter, Schema, parseAllDocuments, isScalar, visit, type Document } from 'yaml';
import type { KubeObject } from '../kube/object.js';

export interface ParsedObject {
  object: KubeObject;
  file: string;
  doc: number; // 1-based document index within the file
  line: number; // 1-based line where the document starts
}

export class ManifestError extends InputError {
  readonly file: string;
  readonly doc: number;
  readonly line: number;
  constructor(file: string, doc: number, line: number, detail: string) {
    super(tr('report.manifest.at', { file, doc, line, detail }));
    this.file = file;
    this.doc = doc;
    this.line = line;
  }
}

const YAML11_BOOL = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

// Built once: a Schema made per document (customTags as a function) costs ~1 ms per document.
const K8S_YAML11 = new Schema({
  schema: 'yaml-1.1',
  // Drop the YAML 1.1 tags that Kubernetes' parser does not resolve (timestamps become strings there).
  customTags: (tags) =>
    tags.filter((x) => {
      if (typeof x === 'string') return x !== 'timestamp' && x !== 'intTime' && x !== 'floatTime';
      const t = x as { tag?: string; format?: string };
      return t.tag !== 'tag:yaml.org,2002:timestamp' && !((t.tag?.endsWith(':int') || t.tag?.endsWith(':float')) && t.format === 'TIME');
    }),
});
const yamlOptions = { version: '1.1' as const, schema: K8S_YAML11 };

// Only documents that may hold an unquoted YAML 1.1 boolean spelled yes/no/on/off/y/n pay for source tokens.
const MAYBE_YAML11_BOOL = /(?:^|[\s:\-[{,])(?:y|n|yes|no|on|off)\s*(?:$|[,\]}#])/im;

/** Parses one file. Returns objects and warnings (unquoted YAML 1.1 booleans); throws ManifestError on a syntax error
 * or a document that is not a Kubernetes object. */
export function parseManifests(text: string, file: string): { objects: ParsedObject[]; warnings: string[] } {
  const lc = new LineCounter();
  const checkBools = MAYBE_YAML11_BOOL.test(text);
  const docs = parseAllDocuments(text, {
    ...yamlOptions,
    keepSourceTokens: checkBools,
    lineCounter: lc,
    prettyErrors: true,
  } as never) as unknown as Document[] | { empty: true };
  const objects: ParsedObject[] = [];
  const warnings: string[] = [];
  if (!Array.isArray(docs)) return { objects, warnings };
  docs.forEach((d, i) => {
    const docNo = i + 1;
    const startLine = lc.linePos((d.contents as { range?: [number] } | null)?.range?.[0] ?? d.range?.[0] ?? 0).line;
    const err = d.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line ?? startLine;
      throw new ManifestError(file, docNo, line, err.message.split('\n')[0] ?? err.code);
    }
    if (checkBools)
      visit(d, {
        Scalar(_k, node) {
          if (
            isScalar(node) &&
            typeof node.value === 'boolean' &&
            node.type === 'PLAIN' &&
            node.srcToken &&
            'source' in node.srcToken &&
            YAML11_BOOL.test(String(node.srcToken.source))
          ) {
            const line = lc.linePos(node.range?.[0] ?? 0).line;
            warnings.push(
              tr('report.gitops.yamlBool', { file, doc: docNo, line, text: String(node.srcToken.source), value: String(node.value) }),
            );
          }
        },
      });
    const value = d.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) return;
    const add = (v: unknown, where: string) => {
      if (v === null || v === undefined) return;
      if (typeof v !== 'object' || Array.isArray(v))
        throw new ManifestError(file, docNo, startLine, tr('report.manifest.notMapping', { where }));
      const o = v as KubeObject;
      if (typeof o.kind !== 'string' || typeof o.apiVersion !== 'string')
        throw new ManifestError(file, docNo, startLine, tr('report.manifest.noKind', { where }));
      if (o.kind.endsWith('List') && Array.isArray((o as { items?: unknown }).items)) {
        (o as unknown as { items: unknown[] }).items.forEach((it, j) => add(it, `${where}items[${j}] `));
        return;
      }
      if (!o.metadata || typeof o.metadata !== 'object') o.metadata = {};
      if (!o.metadata.name && !o.metadata.generateName)
        throw new ManifestError(file, docNo, startLine, tr('report.manifest.noName', { where, kind: o.kind }));
      objects.push({ object: o, file, doc: docNo, line: startLine });
    };
    add(value, '');
  });
  return { objects, warnings };
}
