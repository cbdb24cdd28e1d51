/**
 * The sandbox frame's document: an opaque-origin page (the iframe is `sandbox="allow-scripts"`, never
 * `allow-same-origin`) whose CSP allows inline script and `blob:` workers and nothing else: no network, no
 * `eval`, no frames, no forms. Its one script starts the workers (see `LANES`) from the Blob of the script the page
 * sends, hands each a private MessagePort, and relays what comes on those ports to the page, saying which worker;
 * what a worker posts on its global scope (only user code would) is never relayed.
 */

/** The frame's Content-Security-Policy (blob workers inherit it, so the worker has no network either). */
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; base-uri 'none'; form-action 'none'";

/** The frame's script; `parentOrigin` is the only origin it accepts messages from and posts to. */
const frameScript = (parentOrigin: string) => `(() => {
  const PARENT = ${JSON.stringify(parentOrigin)};
  const LANES = ['main', 'types'];
  const target = PARENT === 'null' ? '*' : PARENT;
  const ports = new Map();
  const report = (lane, message) => parent.postMessage({ lane, message }, target);
  const crashed = (lane, message) => report(lane, { type: 'crashed', message: String(message).slice(0, 2000) });
  addEventListener('message', (event) => {
    if (event.source !== parent || event.origin !== PARENT) return;
    const data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'boot' && ports.size === 0 && typeof data.script === 'string') {
      const url = URL.createObjectURL(new Blob([data.script], { type: 'text/javascript' }));
      for (const lane of LANES) {
        try {
          const worker = new Worker(url, { name: 'eventscope-rules-' + lane });
          worker.addEventListener('error', (error) => {
            error.preventDefault();
            crashed(lane, error.message || 'The worker stopped.');
          });
          const channel = new MessageChannel();
          ports.set(lane, channel.port1);
          channel.port1.onmessage = (message) => report(lane, message.data);
          worker.postMessage({ type: 'init' }, [channel.port2]);
        } catch (error) {
          crashed(lane, error);
        }
      }
    } else if (data.type === 'job' && ports.has(data.lane)) {
      ports.get(data.lane).postMessage(data);
    }
  });
})();`;

/** Pure: the frame's whole document, for `srcdoc`. */
export const frameDocument = (parentOrigin: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"><title>Rules sandbox</title></head><body><script>${frameScript(parentOrigin)}</script></body></html>`;
