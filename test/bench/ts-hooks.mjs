// Lets plain `node` run the project's TypeScript sources without a build (Node >= 22.18 strips types;
// --experimental-transform-types also handles parameter properties): ESM specifiers ending in `.js`
// that name a `.ts`/`.tsx` file in the tree are resolved to it.
//   node --experimental-transform-types --no-warnings --import ./test/bench/ts-hooks.mjs test/bench/logs-throughput.ts
import { registerHooks } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

registerHooks({
  resolve(specifier, context, next) {
    if ((specifier.startsWith('.') || specifier.startsWith('/')) && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
      const url = new URL(specifier, context.parentURL);
      if (!existsSync(fileURLToPath(url))) {
        for (const ext of ['.ts', '.tsx']) {
          const alt = new URL(url.href.slice(0, -3) + ext);
          if (existsSync(fileURLToPath(alt))) return next(alt.href, context);
        }
      }
    }
    return next(specifier, context);
  },
});
