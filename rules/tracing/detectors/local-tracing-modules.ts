/**
 * The service's own tracing module, loaded by the linted file first thing: a side-effect import or require
 * of a relative module named for tracing (`import './instrumentation'`, `require('./tracing')`), or a function
 * imported from a relative module and called at the top of the file, when the module or the function is
 * named for tracing (`import { setupTracing } from './tracer'; setupTracing('orders');`). With type
 * information the module is read and its setups returned; without it the setups are unknown.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { localTracingModule } from '../../../knowledge/tracing/opentelemetry.js';
import { getRequiredModule } from '../../ast/find-import-path.js';
import { getTypeServices } from '../../ast/get-type-services.js';
import { getModuleContext } from '../../ast/module-context.js';
import type { AnyRuleContext } from '../../family/create-collector.js';
import { getFileIndex, type FileIndex } from '../../family/file-index.js';
import { findTracingSetups, type TracingSetup } from './tracing-setups.js';

export interface LocalTracingModule {
  readonly node: TSESTree.Node;
  /** The setups read from the module; undefined where it cannot be read (no type information). */
  readonly setups: readonly TracingSetup[] | undefined;
}

const BASENAMES: ReadonlySet<string> = new Set(localTracingModule.basenames);

export function findLocalTracingModules(context: AnyRuleContext, index: FileIndex): LocalTracingModule[] {
  const found: LocalTracingModule[] = [];
  for (const declaration of index.nodesOfType(AST_NODE_TYPES.ImportDeclaration)) {
    const specifier = declaration.source.value;
    if (!specifier.startsWith('.') || declaration.importKind === 'type') continue;
    const named = isTracingModuleName(specifier);
    const loads = declaration.specifiers.length === 0 ? named : declaration.specifiers.some((imported) => callsAtTopLevel(context, imported, named));
    if (loads) found.push({ node: declaration, setups: readModuleSetups(context, declaration.source) });
  }
  for (const call of index.nodesOfType(AST_NODE_TYPES.CallExpression)) {
    const specifier = getRequiredModule(call);
    if (specifier === undefined || !specifier.startsWith('.')) continue;
    const named = isTracingModuleName(specifier);
    const parent = call.parent;
    const loads = parent.type === AST_NODE_TYPES.ExpressionStatement ? named : parent.type === AST_NODE_TYPES.VariableDeclarator && callsAtTopLevel(context, parent, named);
    if (loads) found.push({ node: call, setups: readModuleSetups(context, call.arguments[0]!) });
  }
  return found;
}

/** `./tracing`, `../instrumentation.js`, `./telemetry/index`: the module's own name, not its folder's. */
function isTracingModuleName(specifier: string): boolean {
  const parts = specifier.split('/').filter((part) => part !== '' && part !== '.' && part !== '..');
  let name = parts.pop()?.replace(/\.[cm]?[jt]s$/, '');
  if (name === 'index') name = parts.pop();
  return name !== undefined && BASENAMES.has(name.toLowerCase());
}

/** Whether a binding the declaration makes is called in a statement at the top of the module (`setupTracing('orders')`, `await tracing.start()`). */
function callsAtTopLevel(context: AnyRuleContext, declarator: TSESTree.Node, named: boolean): boolean {
  for (const variable of context.sourceCode.getDeclaredVariables(declarator)) {
    for (const reference of variable.references) {
      const call = findCallOf(reference.identifier);
      if (call && isTopLevelStatement(call) && (named || calledName(call, variable.name) !== undefined)) return true;
    }
  }
  return false;
}

/** The call whose callee is the identifier, or a method of it (`tracing.start()`). */
function findCallOf(identifier: TSESTree.Node): TSESTree.CallExpression | undefined {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) return parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier && parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) return parent.parent;
  return undefined;
}

/** The name of the called function when it is named for starting tracing. */
function calledName(call: TSESTree.CallExpression, binding: string): string | undefined {
  const callee = call.callee;
  const name = callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : binding;
  return localTracingModule.setupFunction.test(name) ? name : undefined;
}

/** `setupTracing('orders');`, `await tracing.start();` or `const tracer = setupTracing('orders');` at the top of the module. */
function isTopLevelStatement(call: TSESTree.CallExpression): boolean {
  const value = call.parent.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return parent.parent.type === AST_NODE_TYPES.Program;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== value) return false;
  const declaration = parent.parent;
  return declaration.parent.type === AST_NODE_TYPES.Program || (declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration && declaration.parent.parent.type === AST_NODE_TYPES.Program);
}

/** With type information, the tracing setups written in the imported module itself. */
function readModuleSetups(context: AnyRuleContext, specifier: TSESTree.Node): readonly TracingSetup[] | undefined {
  const services = getTypeServices(context);
  if (!services) return undefined;
  const tsNode = services.esTreeNodeToTSNodeMap.get(specifier);
  if (!tsNode || !ts.isStringLiteral(tsNode)) return undefined;
  const resolved = ts.resolveModuleName(tsNode.text, context.filename, services.program.getCompilerOptions(), ts.sys).resolvedModule;
  const fileName = resolved && services.program.getSourceFile(resolved.resolvedFileName)?.fileName;
  const module = fileName ? getModuleContext(context, fileName) : undefined;
  return module ? findTracingSetups(module, getFileIndex(module.sourceCode)) : undefined;
}
