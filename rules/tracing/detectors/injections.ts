/**
 * `propagation.inject(context.active(), carrier)` from @opentelemetry/api: the calls, and the declarations
 * of the carrier variables they write the trace context into.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { propagationApi } from '../../../knowledge/tracing/trace-context.js';
import { CALL, ESM, findLibraryReferences, type TraceMap, type TraceMapElement } from '../../ast/library-references.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import type { AnyRuleContext } from '../../family/create-collector.js';

export interface Injections {
  readonly calls: readonly TSESTree.CallExpression[];
  /** Variable declarators of the carriers written into. */
  readonly carriers: ReadonlySet<TSESTree.Node>;
}

const INJECT_TRACE_MAP: TraceMap<number> = createInjectTraceMap();

export function findInjections(context: AnyRuleContext): Injections {
  if (!context.sourceCode.text.includes('inject')) return { calls: [], carriers: new Set() };
  const calls: TSESTree.CallExpression[] = [];
  const carriers = new Set<TSESTree.Node>();
  for (const reference of findLibraryReferences(context, INJECT_TRACE_MAP)) {
    const call = reference.node as TSESTree.CallExpression;
    calls.push(call);
    const carrier = call.arguments[reference.info];
    const expression = carrier ? unwrapExpression(carrier) : undefined;
    if (expression?.type !== AST_NODE_TYPES.Identifier) continue;
    const definition = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression)?.defs[0];
    if (definition?.type === 'Variable') carriers.add(definition.node);
  }
  return { calls, carriers };
}

function createInjectTraceMap(): TraceMap<number> {
  const element: TraceMapElement<number> = { [ESM]: true };
  for (const injector of propagationApi.injectors) {
    let cursor = element;
    for (const name of injector.path.slice(0, -1)) cursor = (cursor[name] ??= {}) as TraceMapElement<number>;
    cursor[injector.path.at(-1)!] = { [CALL]: injector.carrierArgument };
  }
  return Object.fromEntries(propagationApi.packages.map((name) => [name, element]));
}
