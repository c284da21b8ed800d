// The console's modules, loaded with no global fetch: Ink's layout engine (yoga, emscripten) loads its
// WebAssembly through fetch() when one exists, and Node's first fetch() loads Node's own copy of undici
// (a tenth of a second of CPU before the first frame, measured with --cpu-prof). Without fetch yoga
// decodes the same embedded data: URI directly. zonectl itself never uses the global fetch, so hiding
// it while these modules load (their top-level awaits included) changes nothing else.
//
// They load in two steps, Ink (with React and yoga, the larger half) and then the console itself, with
// `between` run in the middle: module loading blocks the event loop, and the clusters' requests, sent
// before, need turns of it to move on (the TLS handshake, then the lists' replies).
export async function importConsole(between?: () => Promise<void>): Promise<typeof import('./run.js')> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) Reflect.deleteProperty(globalThis, 'fetch');
  try {
    await import('ink');
    await between?.();
    return await import('./run.js');
  } finally {
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
  }
}
