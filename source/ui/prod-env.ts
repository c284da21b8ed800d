// Imported first by run.tsx, before Ink and React load: React's development build (the default
// when NODE_ENV is unset) makes every frame 2-4x slower. A caller that set NODE_ENV keeps it, and
// if React was already loaded (in whatever mode) we leave NODE_ENV alone so React and Ink's
// reconciler never mix builds.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let reactLoaded = true;
try {
  reactLoaded = require.resolve('react') in require.cache;
} catch {
  /* react not resolvable from here: leave the environment alone */
}
if (!reactLoaded) process.env['NODE_ENV'] ??= 'production';
export {};
