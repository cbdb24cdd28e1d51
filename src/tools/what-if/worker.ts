// The what-if's Web Worker entry: replays both sides of a branch off the main thread (a 10k-event log takes
// seconds), so the page stays responsive; the page stops it with `terminate()`.
import * as Comlink from 'comlink';
import { domainNamed } from '../../domains/index.ts';
import type { WhatIfWorkerApi } from './client.ts';
import { runWhatIf } from './whatIf.ts';

const api: WhatIfWorkerApi = {
  run: ({ domain: name, settings, input }) => {
    const domain = domainNamed(name);
    // Why a thrown error: a worker only runs the built-in domains; the page says so as a failed replay.
    if (!domain) throw new Error(`The what-if worker has no domain named ${JSON.stringify(name)}`);
    return runWhatIf(Object.keys(settings).length > 0 ? domain.configure(settings) : domain, input);
  },
};
Comlink.expose(api);
