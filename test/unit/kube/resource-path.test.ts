// "." and ".." (and "/", "%", empty) in a name or namespace: URL normalisation would make the request
// address another object (`gsts/..` the namespace, `-n ..` every namespace). Refused before any request,
// in the path builder and in the client, like client-go; -n names the flag.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespaceFlag, parseFlags, UsageError } from '../../../commands/flags.js';
import { parseLogsArgs } from '../../../commands/logs.js';
import { EXIT } from '../../../source/exit-codes.js';
import { HttpClusterClient } from '../../../source/kube/client.js';
import { KubeError, toKubeError } from '../../../source/kube/errors.js';
import { InvalidPathSegment, pathSegmentProblem, resourcePath, type ResourceType } from '../../../source/kube/object.js';

const GSTS: ResourceType = {
  group: 'tkex.tencent.com',
  version: 'v1alpha1',
  resource: 'gamestatefulsets',
  kind: 'GameStatefulSet',
  namespaced: true,
};
const BAD: Array<[string, string]> = [
  ['..', "may not be '..'"],
  ['.', "may not be '.'"],
  ['a/b', "may not contain '/'"],
  ['../x', "may not contain '/'"],
  ['a%2f', "may not contain '%'"],
  ['', 'may not be empty'],
];

describe('pathSegmentProblem / resourcePath', () => {
  it.each(BAD)('%j: %s', (v, problem) => {
    expect(pathSegmentProblem(v)).toBe(problem);
    if (v === '') return; // an empty name or namespace means "none": the collection, every namespace
    expect(() => resourcePath(GSTS, { namespace: 'zone-101', name: v })).toThrow(new InvalidPathSegment('name', v, problem));
    expect(() => resourcePath(GSTS, { namespace: v, name: 'game-1' })).toThrow(
      `invalid resource namespace ${JSON.stringify(v)}: ${problem}`,
    );
    expect(() => resourcePath(GSTS, { namespace: v })).toThrow(InvalidPathSegment);
  });

  it('ordinary names pass (dots inside a name are fine)', () => {
    expect(resourcePath(GSTS, { namespace: 'zone-101', name: 'game-1.v2', subresource: 'status' })).toBe(
      '/apis/tkex.tencent.com/v1alpha1/namespaces/zone-101/gamestatefulsets/game-1.v2/status',
    );
    expect(pathSegmentProblem('...')).toBeUndefined();
  });

  it('a refused name is an Invalid error on the cluster it was meant for (exit 2)', () => {
    const e = toKubeError(new InvalidPathSegment('name', '..', "may not be '..'"), 'shanghai');
    expect(e).toMatchObject({ kind: 'Invalid', exitCode: EXIT.USAGE });
    expect(e.oneLine()).toBe(`shanghai: invalid resource name "..": may not be '..'`);
  });
});

describe('-n NAMESPACE', () => {
  it.each(BAD)('-n %j is a usage error naming the flag', (v, problem) => {
    const msg = `-n ${JSON.stringify(v)}: not a namespace name (${problem})`;
    expect(() => namespaceFlag(v)).toThrow(new UsageError(msg));
    expect(() => parseFlags(['-n', v], 'help')).toThrow(msg);
    expect(() => parseLogsArgs(['pod/p', '-n', v])).toThrow(msg);
  });

  it('a real namespace passes', () => {
    expect(parseFlags(['-n', 'zone-101'], 'help').flags.namespace).toBe('zone-101');
  });
});

describe('HttpClusterClient refuses such names before any request', () => {
  let server: Server;
  const seen: string[] = [];
  let client: HttpClusterClient;
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      res.end('{"kind":"Status","metadata":{},"items":[]}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    client = new HttpClusterClient('shanghai', {
      name: 'shanghai',
      cluster: { name: 'c', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true },
      user: { name: 'u', token: 't' },
    });
  });
  afterAll(async () => {
    client.close();
    await new Promise((r) => server.close(r));
  });

  it('get / patch / list / watch / create / request with "..", ".", "/" or "%": Invalid, nothing sent', async () => {
    const attempts: Array<() => Promise<unknown>> = [
      () => client.get(GSTS, 'zone-101', '..'),
      () => client.get(GSTS, 'zone-101', '.', 'status'),
      () => client.get(GSTS, 'zone-101', ''),
      () => client.get(GSTS, '..', 'game-1'),
      () => client.patch(GSTS, 'zone-101', '..', 'merge', {}),
      () => client.patch(GSTS, 'zone-101', 'a/b', 'merge', {}),
      () => client.list(GSTS, { namespace: '..' }),
      () => client.listAll(GSTS, { namespace: 'a%2f' }),
      () => client.create(GSTS, '..', { metadata: { name: 'x' } }),
      () => client.watch(GSTS, { namespace: '..', signal: new AbortController().signal }, () => undefined),
      () => client.request({ path: '/api/v1/namespaces/zone-101/pods/../log' }),
      () => client.streamLines({ path: '/api/v1/namespaces/./pods/p/log', signal: new AbortController().signal }, () => undefined),
    ];
    for (const attempt of attempts) {
      const err = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(KubeError);
      expect((err as KubeError).kind).toBe('Invalid');
      expect((err as KubeError).exitCode).toBe(EXIT.USAGE);
      expect((err as KubeError).oneLine()).toMatch(
        /^shanghai: invalid (resource name|resource namespace|request path) .*: may (not be|not contain) /,
      );
    }
    expect(seen).toEqual([]);
    // A good name still goes out.
    await client.get(GSTS, 'zone-101', 'game-1');
    expect(seen).toEqual(['/apis/tkex.tencent.com/v1alpha1/namespaces/zone-101/gamestatefulsets/game-1']);
  });
});
