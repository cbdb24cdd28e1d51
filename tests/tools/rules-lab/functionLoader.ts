import type { ModuleFactory, ScriptLoader } from '../../../src/tools/rules-lab/sandbox/evaluate.ts';

/**
 * Loads compiled rules with `new Function`, for running the sandbox's own build code in Node. (The worker loads
 * them as Blob scripts instead: the sandbox's CSP forbids `eval`; the browser tests run that loader.)
 */
export const functionLoader: ScriptLoader = {
  load(js) {
    const factory = new Function('require', 'module', 'exports', js) as ModuleFactory;
    return {
      factory,
      positionIn(stack) {
        // `new Function` puts two lines before the body: `function anonymous(require,module,exports` and `) {`.
        const match = /<anonymous>:(\d+):(\d+)/.exec(stack);
        return match ? { line: Number(match[1]) - 2, column: Number(match[2]) - 1 } : null;
      },
    };
  },
};
