// The what-if's Web Worker entry: replays both sides of a branch off the main thread (a 10k-event log takes
// seconds), so the page stays responsive; the page stops it with `terminate()`.
import * as Comlink from 'comlink';
import type { WhatIfWorkerApi } from './client.ts';
import { runWhatIf } from './whatIf.ts';

const api: WhatIfWorkerApi = { run: (input) => runWhatIf(input) };
Comlink.expose(api);
