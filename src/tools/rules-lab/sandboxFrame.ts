/**
 * The sandbox frame's document: an opaque-origin page (the iframe is `sandbox="allow-scripts"`, never
 * `allow-same-origin`) whose CSP allows inline script and `blob:` workers and nothing else: no network, no
 * `eval`, no frames, no forms. Its one script starts the worker from the Blob of the script the page sends, hands it
 * a private MessagePort, and relays what comes on that port to the page; what the worker posts on its global
 * scope (only user code would) is never relayed.
 */

/** The frame's Content-Security-Policy (blob workers inherit it, so the worker has no network either). */
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; base-uri 'none'; form-action 'none'";

/** The frame's script; `parentOrigin` is the only origin it accepts messages from and posts to. */
const frameScript = (parentOrigin: string) => `(() => {
  const PARENT = ${JSON.stringify(parentOrigin)};
  const target = PARENT === 'null' ? '*' : PARENT;
  let worker = null;
  let port = null;
  const report = (message) => parent.postMessage(message, target);
  const crashed = (message) => report({ type: 'crashed', message: String(message).slice(0, 2000) });
  addEventListener('message', (event) => {
    if (event.source !== parent || event.origin !== PARENT) return;
    const data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'boot' && !worker && typeof data.script === 'string') {
      try {
        const url = URL.createObjectURL(new Blob([data.script], { type: 'text/javascript' }));
        worker = new Worker(url, { name: 'eventscope-rules-sandbox' });
        worker.addEventListener('error', (error) => {
          error.preventDefault();
          crashed(error.message || 'The worker stopped.');
        });
        const channel = new MessageChannel();
        port = channel.port1;
        port.onmessage = (message) => report(message.data);
        worker.postMessage({ type: 'init' }, [channel.port2]);
      } catch (error) {
        crashed(error);
      }
    } else if (data.type === 'job' && port) {
      port.postMessage(data);
    }
  });
})();`;

/** Pure: the frame's whole document, for `srcdoc`. */
export const frameDocument = (parentOrigin: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"><title>Rules sandbox</title></head><body><script>${frameScript(parentOrigin)}</script></body></html>`;
