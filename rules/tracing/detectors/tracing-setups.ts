/**
 * Tracing set up for the whole process in this file, and the outbound libraries it then carries trace
 * context over by itself: `new NodeSDK({ instrumentations })`, `registerInstrumentations({ instrumentations })`,
 * the zero-code `@opentelemetry/auto-instrumentations-node/register` import, dd-trace's `init()`, Instana's
 * collector called as a function, Elastic APM's agent `start()`ed or its start module imported.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { INSTRUMENTATIONS, TRACING_SETUPS } from '../../../knowledge/tracing/opentelemetry.js';
import type { OutboundLibraryName, TracingSetupSpec } from '../../../knowledge/tracing/types.js';
import { findProperty } from '../../ast/find-property.js';
import { getImportSource } from '../../ast/get-import-source.js';
import { CALL, CONSTRUCT, ESM, findLibraryReferences, type TraceMap, type TraceMapElement } from '../../ast/library-references.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import type { AnyRuleContext } from '../../family/create-collector.js';
import type { FileIndex } from '../../family/file-index.js';

export interface TracingSetup {
  readonly spec: TracingSetupSpec;
  readonly node: TSESTree.Node;
  /** The libraries whose outbound calls it instruments. */
  readonly instruments: ReadonlySet<OutboundLibraryName> | 'all';
}

const SETUP_TRACE_MAP: TraceMap<TracingSetupSpec> = createSetupTraceMap();

export function findTracingSetups(context: AnyRuleContext, index: FileIndex): TracingSetup[] {
  const setups: TracingSetup[] = [];
  for (const reference of findLibraryReferences(context, SETUP_TRACE_MAP)) {
    const spec = reference.info;
    const call = reference.node as TSESTree.CallExpression | TSESTree.NewExpression;
    const options = spec.instrumentationsOption ? call.arguments[0] : undefined;
    setups.push({ spec, node: call, instruments: spec.instrumentationsOption ? readInstrumentations(context, options, spec.instrumentationsOption) : toInstruments(spec.instruments) });
  }
  for (const declaration of index.nodesOfType(AST_NODE_TYPES.ImportDeclaration)) {
    const spec = findImportedSetup(declaration.source.value);
    if (spec) setups.push({ spec, node: declaration, instruments: toInstruments(spec.instruments) });
  }
  for (const call of index.nodesOfType(AST_NODE_TYPES.CallExpression)) {
    const argument = call.arguments[0];
    if (call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'require' || argument?.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') continue;
    const spec = findImportedSetup(argument.value);
    if (spec) setups.push({ spec, node: call, instruments: toInstruments(spec.instruments) });
  }
  return setups;
}

/** Whether one of the setups covers an outbound library. */
export function findCoveringSetup(setups: readonly TracingSetup[], library: OutboundLibraryName): TracingSetup | undefined {
  return setups.find((setup) => setup.instruments === 'all' || setup.instruments.has(library));
}

function findImportedSetup(module: string): TracingSetupSpec | undefined {
  return TRACING_SETUPS.find((spec) => spec.kind === 'import' && spec.packages.includes(module)) ?? (module === 'dd-trace/init' ? TRACING_SETUPS.find((spec) => spec.packages.includes('dd-trace')) : undefined);
}

/** `instrumentations: [getNodeAutoInstrumentations(), new HttpInstrumentation()]`: the union of what each covers. */
function readInstrumentations(context: AnyRuleContext, options: TSESTree.Node | undefined, option: string): ReadonlySet<OutboundLibraryName> | 'all' {
  const lookup = findProperty(context, options, option);
  if (lookup.kind === 'absent') return new Set();
  if (lookup.kind === 'unknown' || !lookup.node) return 'all';
  const list = unwrapExpression(lookup.node);
  if (list.type !== AST_NODE_TYPES.ArrayExpression) return 'all';
  const covered = new Set<OutboundLibraryName>();
  for (const element of list.elements) {
    if (!element) continue;
    const expression = unwrapExpression(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element);
    const callee = expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.NewExpression ? expression.callee : undefined;
    const name = callee?.type === AST_NODE_TYPES.Identifier ? callee : callee?.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property : undefined;
    const source = callee?.type === AST_NODE_TYPES.Identifier && name ? getImportSource(context, name) : undefined;
    const instrumentation = INSTRUMENTATIONS.find((entry) => (source ? source.module === entry.package && (source.name === entry.exportName || source.name === 'default') : entry.exportName === name?.name));
    // An instrumentation we do not model (pg, redis) covers no outbound call; one we cannot read may cover any.
    if (!instrumentation) {
      if (!callee) return 'all';
      continue;
    }
    if (instrumentation.injectsInto === 'all') return 'all';
    for (const library of instrumentation.injectsInto) covered.add(library);
  }
  return covered;
}

function toInstruments(instruments: TracingSetupSpec['instruments']): ReadonlySet<OutboundLibraryName> | 'all' {
  return instruments === 'all' ? 'all' : new Set(instruments);
}

function createSetupTraceMap(): TraceMap<TracingSetupSpec> {
  const map: TraceMap<TracingSetupSpec> = {};
  for (const spec of TRACING_SETUPS) {
    if (spec.kind === 'import') continue;
    const made: TraceMapElement<TracingSetupSpec> = { [spec.kind === 'construct' ? CONSTRUCT : CALL]: spec };
    // A package that is itself the function (`require('@instana/collector')()`) is called as the module.
    const element: TraceMapElement<TracingSetupSpec> =
      spec.exportName === 'default' ? { ...made, default: made, [ESM]: true } : { [spec.exportName]: made, default: { [spec.exportName]: made }, [ESM]: true };
    for (const name of spec.packages) map[name] = element;
  }
  return map;
}
