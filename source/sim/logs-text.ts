// Deterministic game-server log text: line i of a container instance is a pure function of
// (containerID, i), so lines can be produced lazily, on read, at any offset.
import { mix } from './rand.js';

export interface LineContext {
  zone: string;
  service: string;
  type: string; // container name (service type)
  pod: string;
}

const MAPS = ['dragon-valley', 'frost-keep', 'sunken-temple', 'sky-arena', 'desert-outpost'];
const RPC = ['db-1', 'auth-1', 'gateway-1', 'redis'];

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function clockText(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** The text of line `seq` (1-based) of one container instance written at virtual time `ms`. */
export function lineText(ctx: LineContext, instance: string, seq: number, ms: number): string {
  const h = mix(instance, seq);
  const r = h % 1000;
  const player = 100000 + ((h >>> 10) % 900000);
  const ip = `${(h >>> 3) & 127}.${(h >>> 11) & 255}.${(h >>> 17) & 255}.${((h >>> 24) & 253) + 1}`;
  const head = `${clockText(ms)} [zone ${ctx.zone}][${ctx.service}]`;
  let level = 'INFO ';
  let body: string;
  if (seq === 1) body = `server ${ctx.service} starting pod=${ctx.pod} build=${instance.slice(0, 7)}`;
  else if (r < 300) body = `tick frame=${seq * 30} players=${(h >>> 5) % 2000} tps=${28 + ((h >>> 7) % 3)}`;
  else if (r < 450) body = `player ${player} login from ${ip}`;
  else if (r < 580) body = `player ${player} logout online=${(h >>> 9) % 3600}s`;
  else if (r < 690) body = `match ${(h >>> 4).toString(36)} start map=${MAPS[(h >>> 2) % MAPS.length]} players=${2 + ((h >>> 6) % 8)}`;
  else if (r < 790) body = `match ${(h >>> 4).toString(36)} end winner=team-${1 + (h & 1)} duration=${60 + ((h >>> 8) % 900)}s`;
  else if (r < 880) body = `gc pause=${1 + ((h >>> 3) % 40)}ms heap=${256 + ((h >>> 12) % 768)}MB`;
  else if (r < 940) body = `save player ${player} bytes=${512 + ((h >>> 6) % 20000)} ok`;
  else if (r < 980) {
    level = 'WARN ';
    body = `slow rpc to ${RPC[(h >>> 5) % RPC.length]} took ${200 + ((h >>> 9) % 1800)}ms`;
  } else {
    level = 'ERROR';
    body = `rpc ${RPC[(h >>> 5) % RPC.length]} failed: deadline exceeded (player ${player})`;
  }
  return `${head} ${level} seq=${seq} ${body}`;
}
