// Finds where in a rules file a `defineDomain` problem is: "commands.AddTodo has no decider" points at `AddTodo` in
// the `commands` object, "deciders[0] (todo).decide must be a function" at `decide` in the decider (followed
// through a variable when the list names one). Best effort: a problem it cannot place points at the call.
import ts from 'typescript';
import type { RulesDiagnostic } from '../protocol.ts';
import { diagnosticAt } from './compile.ts';

type Step = string | number;

/** Pure: `node` without parentheses, `as`, `satisfies` and `!`, and through a `const`'s initializer. */
function unwrap(file: ts.SourceFile, node: ts.Node, depth = 0): ts.Node {
  if (depth > 16) return node;
  if (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isTypeAssertionExpression(node)
  )
    return unwrap(file, node.expression, depth + 1);
  if (ts.isIdentifier(node)) {
    const declaration = declarationOf(file, node.text);
    return declaration?.initializer ? unwrap(file, declaration.initializer, depth + 1) : node;
  }
  return node;
}

function declarationOf(file: ts.SourceFile, name: string): ts.VariableDeclaration | undefined {
  let found: ts.VariableDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const nameOf = (name: ts.PropertyName): string | undefined =>
  ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) ? name.text : undefined;

/** One step into an object (a property, pointing at its name) or an array (an element). */
function stepInto(
  file: ts.SourceFile,
  node: ts.Node,
  step: Step,
): { at: ts.Node; value: ts.Node } | undefined {
  const target = unwrap(file, node);
  if (typeof step === 'number') {
    if (!ts.isArrayLiteralExpression(target)) return undefined;
    const element = target.elements[step];
    return element ? { at: element, value: element } : undefined;
  }
  if (!ts.isObjectLiteralExpression(target)) return undefined;
  for (const property of target.properties) {
    if (!property.name || nameOf(property.name) !== step) continue;
    if (ts.isPropertyAssignment(property)) return { at: property.name, value: property.initializer };
    if (ts.isShorthandPropertyAssignment(property)) return { at: property.name, value: property.name };
    return { at: property.name, value: property };
  }
  return undefined;
}

/** Pure: the deepest step of the path that exists (undefined when not even its first step does). */
function walk(
  file: ts.SourceFile,
  definition: ts.Node,
  path: Step[],
): { at: ts.Node; value: ts.Node } | undefined {
  let reached: { at: ts.Node; value: ts.Node } | undefined;
  for (const step of path) {
    const next = stepInto(file, reached?.value ?? definition, step);
    if (!next) break;
    reached = next;
  }
  return reached;
}

/** Pure: the string literal `text` in the array at `node` (a decider's `commands`). */
function literalIn(file: ts.SourceFile, node: ts.Node | undefined, text: string): ts.Node | undefined {
  if (!node) return undefined;
  const list = unwrap(file, node);
  if (!ts.isArrayLiteralExpression(list)) return undefined;
  return list.elements.find((element) => ts.isStringLiteralLike(element) && element.text === text);
}

/** Pure: the path a problem names, from its first words: `deciders[0] (todo).decide` → deciders, 0, decide. */
function pathOf(problem: string): Step[] {
  const head = /^([A-Za-z]+)(?:\[(\d+)\])?(?: \([^)]*\))?((?:\.[A-Za-z0-9_$-]+)*)/.exec(problem);
  if (!head) return [];
  const path: Step[] = [head[1]];
  if (head[2] !== undefined) path.push(Number(head[2]));
  for (const key of head[3].split('.').slice(1)) path.push(key);
  return path;
}

function locate(file: ts.SourceFile, definition: ts.Node, problem: string): ts.Node | undefined {
  // "deciders[0] (todo) decides X, which commands does not define" and "X is decided by both deciders[0] and
  // deciders[1]": the command's name in that decider's list.
  const decided =
    /^deciders\[(\d+)\](?: \([^)]*\))? decides (\S+), which/.exec(problem) ??
    /^(?<type>\S+) is decided by both deciders\[\d+\](?: \([^)]*\))? and deciders\[(?<index>\d+)\]/.exec(
      problem,
    );
  if (decided) {
    const [index, type] = decided.groups
      ? [decided.groups.index, decided.groups.type]
      : [decided[1], decided[2]];
    const list = walk(file, definition, ['deciders', Number(index), 'commands']);
    return literalIn(file, list?.value, type) ?? list?.at ?? walk(file, definition, ['deciders'])?.at;
  }
  if (problem.startsWith('give either deciders or context')) return walk(file, definition, ['deciders'])?.at;
  return walk(file, definition, pathOf(problem))?.at;
}

/** Pure: the `defineDomain(…)` calls of the file. */
function defineDomainCalls(file: ts.SourceFile): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : undefined;
      if (name === 'defineDomain') calls.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

/**
 * Pure: each of `defineDomain`'s problems as a diagnostic at its place in the file: the part it names, else the
 * `defineDomain` call (of the domain named `domain` when the file has several), else the start of the file.
 */
export function locateDefinitionProblems(
  file: ts.SourceFile,
  domain: string,
  problems: readonly string[],
): RulesDiagnostic[] {
  const calls = defineDomainCalls(file);
  const named = calls.find((call) => {
    const name = call.arguments[0] && stepInto(file, call.arguments[0], 'name');
    return (
      name &&
      ts.isStringLiteralLike(unwrap(file, name.value)) &&
      (unwrap(file, name.value) as ts.StringLiteral).text === domain
    );
  });
  const call = named ?? calls[0];
  return problems.map((problem) => {
    const node = call && call.arguments[0] ? locate(file, call.arguments[0], problem) : undefined;
    const at = node ?? call?.expression;
    return diagnosticAt(file, at ? at.getStart(file) : 0, at ? at.getWidth(file) : 0, {
      severity: 'error',
      source: 'domain',
      message: problem,
    });
  });
}
