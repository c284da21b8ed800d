import type { KubeObject } from '../../../source/kube/object.js';

/** Seed 004's GameZone. */
export function zone1(): KubeObject {
  return {
    apiVersion: 'apps.example.com/v1alpha1',
    kind: 'GameZone',
    metadata: { name: 'zone1', namespace: 'zone-101', uid: 'z1', resourceVersion: '8', creationTimestamp: '2023-02-21T15:03:29Z' },
    spec: {
      gameZone: {
        zoneId: 101,
        dbMigraterImage: 'registry.example.com/project1/dbmigrater:0.1.0',
        defaultImage: 'registry.example.com/project1/service:0.1.0',
        serviceConfig: [
          { type: 'game', id: 1, image: 'registry.example.com/project1/service:0.2.0' },
          { type: 'db', id: 1 },
          { type: 'gateway', id: 1, endId: 2 },
          { type: 'auth', id: 2 },
        ],
        redisConfig: { ip: 'redis', port: 6379 },
        mysqlConfig: { ip: '192.168.1.100', port: 3306, user: 'username1', pwd: 'password1', database: 'project1' },
      },
      artifacts: [
        {
          path: '/app/artifacts',
          s3: {
            url: 'https://cos.ap-beijing.myqcloud.com',
            accessKey: 'AKIDajocbuwoqooojfqoqujjofquorqou',
            secretKey: '123456789012345678901234567890',
            path: 'example-1234567890/project1/0.1.0/resources/',
          },
        },
        { path: '/app/artifacts/config', subPath: 'config', git: { url: 'https://gitlab.example.com/prject1/config.git', branch: 'main' } },
      ],
    },
  };
}
