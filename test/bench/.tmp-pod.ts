import { buildDemoWorld } from '../../source/sim/world.js';
import { T } from '../../source/sim/controllers/kinds.js';
const world = buildDemoWorld({ seed: 1, clusters: ['a'], zonesPerCluster: 2, servicesPerZone: 10, podsPerService: 3 });
const s = world.stores.get('a')!;
const pods = s.list(T.pod).items;
console.log(JSON.stringify(pods[5], null, 1));
console.log(JSON.stringify(s.list(T.gameStatefulSet).items[3]).length, JSON.stringify(s.list(T.gameZone).items[1]).length);
for (const t of s.types()) if (!t.virtual) console.log(t.resource, s.count(t));
world.stop();
