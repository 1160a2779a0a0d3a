/**
 * What every library detector shares: the references found in the file, the way options are read (through
 * layers of defaults, `const` bindings, spreads and, with types, other modules) and the way a limit and a
 * time budget become a RetryBound.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { findConstInitializer, findProperty, type PropertyLookup } from '../../ast/find-property.js';
import type { LibraryReference, TraceMap } from '../../ast/library-references.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import type { RetryBound, RetryPolicy } from '../model.js';

export type RetryLibraryName = 'axios-retry' | 'retry-axios' | 'p-retry' | 'async-retry' | 'retry' | 'cockatiel' | 'rxjs' | 'got' | 'ky';

/** What a trace map entry carries: the library and the export (dotted for members: `default.exponentialDelay`). */
export interface RetryReference {
  readonly library: RetryLibraryName;
  readonly name: string;
}

export interface Detection {
  readonly context: AnyRuleContext;
  /** Every reference to an export of a retry library in the file, by node. */
  readonly known: ReadonlyMap<TSESTree.Node, RetryReference>;
  readonly onPolicy: (policy: RetryPolicy) => void;
}

export interface RetryLibraryDetector {
  readonly library: RetryLibraryName;
  readonly modules: TraceMap<RetryReference>;
  /** Called once per file with this library's references, in source order. */
  detect(references: ReadonlyArray<LibraryReference<RetryReference>>, detection: Detection): void;
}

/**
 * The library export an expression refers to: the reference itself, a name bound by a named import or a
 * destructuring `require` (ReferenceTracker reports the specifier or pattern property), or a `const` alias.
 */
export function getKnownReference(detection: Detection, node: TSESTree.Node | undefined, depth = 0): RetryReference | undefined {
  if (!node || depth > 4) return undefined;
  const expression = unwrapExpression(node);
  const known = detection.known.get(expression);
  if (known) return known;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(detection.context.sourceCode.getScope(expression), expression);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return undefined;
  if (definition.type === 'ImportBinding') return detection.known.get(definition.node);
  const patternProperty = definition.name.parent;
  if (patternProperty?.type === AST_NODE_TYPES.Property && patternProperty.parent.type === AST_NODE_TYPES.ObjectPattern) {
    return detection.known.get(patternProperty);
  }
  return getKnownReference(detection, findConstInitializer(detection.context, expression), depth + 1);
}

/** The `index`th argument of a call; undefined when absent or when a spread hides which argument it is. */
export function getArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): TSESTree.Expression | undefined {
  for (let position = 0; position <= index && position < call.arguments.length; position += 1) {
    const argument = call.arguments[position]!;
    if (argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (position === index) return argument;
  }
  return undefined;
}

/** Whether a spread in the arguments hides what is passed at `index` (so "absent" cannot be told). */
export function isArgumentHidden(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): boolean {
  return call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
}

/** Where options are looked up: an expression in this file, or a value already read (from another module). */
export type OptionSource = { readonly node: TSESTree.Node } | { readonly value: unknown } | { readonly unknown: true };

export function sourceOf(node: TSESTree.Node | undefined): OptionSource[] {
  return node ? [{ node }] : [];
}

/** Looks `name` up in each source in turn, most specific first: the first that has it (or cannot tell) wins. */
export function findOption(context: AnyRuleContext, sources: readonly OptionSource[], name: string): PropertyLookup {
  for (const source of sources) {
    const found = findInSource(context, source, name);
    if (found.kind !== 'absent') return found;
  }
  return { kind: 'absent' };
}

/** The sources inside the `name` property of each source: `retry` of got/ky options, for instance. */
export function findNestedSources(context: AnyRuleContext, sources: readonly OptionSource[], name: string): OptionSource[] {
  const nested: OptionSource[] = [];
  for (const source of sources) {
    const found = findInSource(context, source, name);
    if (found.kind === 'absent') continue;
    nested.push(toSource(found));
  }
  return nested;
}

/** A found property as a source to look further into. */
export function toSource(found: PropertyLookup): OptionSource {
  if (found.kind !== 'found') return { unknown: true };
  if (found.node) return { node: found.node };
  return found.value ? { value: found.value.value } : { unknown: true };
}

function findInSource(context: AnyRuleContext, source: OptionSource, name: string): PropertyLookup {
  if ('unknown' in source) return { kind: 'unknown' };
  if ('node' in source) return findProperty(context, source.node, name);
  const value = source.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'unknown' };
  if (!Object.hasOwn(value, name)) return { kind: 'absent' };
  return { kind: 'found', node: undefined, value: { value: (value as Record<string, unknown>)[name] } };
}

/** An option's value once read: not set, set to something unreadable, or set to a known value. */
export type OptionValue<Value> =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'value'; readonly value: Value };

const ABSENT = { kind: 'absent' } as const;
const UNKNOWN = { kind: 'unknown' } as const;

/** A number option; `undefined` counts as not set (the libraries apply their default with `??`). */
export function readNumber(found: PropertyLookup): OptionValue<number> {
  if (found.kind !== 'found') return found.kind === 'absent' ? ABSENT : UNKNOWN;
  const value = found.value?.value;
  if (found.value && value === undefined) return ABSENT;
  return typeof value === 'number' && !Number.isNaN(value) ? { kind: 'value', value } : UNKNOWN;
}

export function readBoolean(found: PropertyLookup): OptionValue<boolean> {
  if (found.kind !== 'found') return found.kind === 'absent' ? ABSENT : UNKNOWN;
  const value = found.value?.value;
  if (found.value && value === undefined) return ABSENT;
  return typeof value === 'boolean' ? { kind: 'value', value } : UNKNOWN;
}

export function readString(found: PropertyLookup): OptionValue<string> {
  if (found.kind !== 'found') return found.kind === 'absent' ? ABSENT : UNKNOWN;
  const value = found.value?.value;
  if (found.value && value === undefined) return ABSENT;
  return typeof value === 'string' ? { kind: 'value', value } : UNKNOWN;
}

/** An array of strings or numbers (methods, status codes). */
export function readList(found: PropertyLookup): OptionValue<ReadonlyArray<string | number | readonly unknown[]>> {
  if (found.kind !== 'found') return found.kind === 'absent' ? ABSENT : UNKNOWN;
  const value = found.value?.value;
  if (found.value && value === undefined) return ABSENT;
  return Array.isArray(value) ? { kind: 'value', value: value as Array<string | number> } : UNKNOWN;
}

/** Whether an option is set to anything other than `undefined` (a signal, a time budget). */
export function isSet(found: PropertyLookup): boolean | 'unknown' {
  if (found.kind === 'absent') return false;
  if (found.kind === 'unknown') return 'unknown';
  if (found.value && found.value.value === undefined) return false;
  return true;
}

/**
 * The bound of a retry from its limit and whether a time budget (max retry time, signal) is set. `option`
 * names the limit option for messages; `defaultLimit` is the library's default (Infinity when unbounded).
 */
export function getBound(
  limit: OptionValue<number>,
  options: { readonly option: string; readonly defaultLimit: number; readonly library: string; readonly timeBudget: boolean | 'unknown' },
): RetryBound {
  const count = limit.kind === 'value' ? limit.value : limit.kind === 'absent' ? options.defaultLimit : undefined;
  if (count !== undefined && Number.isFinite(count)) return { kind: 'attempts', retries: Math.max(0, count) };
  if (options.timeBudget === true) return { kind: 'time-budget' };
  if (count === undefined || options.timeBudget === 'unknown') return { kind: 'unknown' };
  const reason = limit.kind === 'value' ? `${options.option}: Infinity` : `no ${options.option}, and ${options.library} defaults to retrying forever`;
  return { kind: 'unbounded', reason };
}

/** A limit known to be zero (or below) means no retry at all: no policy to describe. */
export function isRetryDisabled(limit: OptionValue<number>): boolean {
  return limit.kind === 'value' && limit.value <= 0;
}

/** Formats a number of milliseconds for messages. */
export function formatMilliseconds(value: number): string {
  return `${value} ms`;
}

/** The options passed at `index` as a source: none when absent, unknown when a spread hides them. */
export function optionsArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): OptionSource[] {
  if (isArgumentHidden(call, index)) return [{ unknown: true }];
  return sourceOf(getArgument(call, index));
}
