/**
 * Functions of the linted file that a handler calls by name: `function getProduct(sku) { … }` called as
 * `await getProduct(sku)` inside a route handler runs while that request is handled, so what it sends
 * should carry the request's trace context on. One level only, and only functions declared at the top of
 * the module (`function f() {}`, `const f = () => {}`): a call graph across modules is OpenTelemetry's job.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../../family/create-collector.js';
import type { FileIndex } from '../../family/file-index.js';
import type { HandlerScope } from '../model.js';
import { contains } from './syntax.js';

type HelperFunction = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** Each module-level function called from a handler (and not itself one), as a scope of the first handler that calls it. */
export function findCalledHelpers(context: AnyRuleContext, index: FileIndex, handlers: readonly HandlerScope[]): HandlerScope[] {
  if (handlers.length === 0) return [];
  const helpers: HandlerScope[] = [];
  for (const { name, declaration, helper } of findModuleFunctions(index)) {
    if (handlers.some((handler) => handler.function === helper || contains(helper, handler.function))) continue;
    const caller = findCallingHandler(context, declaration, handlers);
    if (!caller) continue;
    helpers.push({
      kind: caller.kind,
      framework: caller.framework,
      description: `function \`${name}\` (called from ${withArticle(caller.description)})`,
      function: helper,
      // The helper does not take the request: whatever it sends, it cannot forward the context by itself.
      incoming: [],
      source: caller.source,
    });
  }
  return helpers;
}

function findModuleFunctions(index: FileIndex): Array<{ name: string; declaration: TSESTree.Node; helper: HelperFunction }> {
  const found: Array<{ name: string; declaration: TSESTree.Node; helper: HelperFunction }> = [];
  for (const declaration of index.nodesOfType(AST_NODE_TYPES.FunctionDeclaration)) {
    if (declaration.id && isModuleLevel(declaration)) found.push({ name: declaration.id.name, declaration, helper: declaration });
  }
  for (const declarator of index.nodesOfType(AST_NODE_TYPES.VariableDeclarator)) {
    const init = declarator.init;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || !isModuleLevel(declarator.parent)) continue;
    if (init?.type === AST_NODE_TYPES.ArrowFunctionExpression || init?.type === AST_NODE_TYPES.FunctionExpression) found.push({ name: declarator.id.name, declaration: declarator, helper: init });
  }
  return found;
}

/** `function f` or `const f = …` written at the top of the module, exported or not. */
function isModuleLevel(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.Program) return true;
  return (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) && parent.parent.type === AST_NODE_TYPES.Program;
}

/** The first handler (in source order) that calls the function by its name. */
function findCallingHandler(context: AnyRuleContext, declaration: TSESTree.Node, handlers: readonly HandlerScope[]): HandlerScope | undefined {
  let first: { handler: HandlerScope; at: number } | undefined;
  for (const variable of context.sourceCode.getDeclaredVariables(declaration)) {
    for (const reference of variable.references) {
      const identifier = reference.identifier;
      const call = identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
      const handler = handlers.find((candidate) => contains(candidate.function, call));
      if (handler && (!first || call.range[0] < first.at)) first = { handler, at: call.range[0] };
    }
  }
  return first?.handler;
}

function withArticle(description: string): string {
  return /^[aeiou]/i.test(description) ? `an ${description}` : `a ${description}`;
}
