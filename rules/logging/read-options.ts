/**
 * The fields a logger's options bind to every record, read the way its knowledge spec says: objects whose
 * keys become fields (pino `base`, winston `defaultMeta`), options that are fields themselves (`name`),
 * functions whose returned object is merged (pino `mixin`, `formatters.log`), formats (winston), and, for
 * bunyan, every option that is not one of its own.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { FieldOptionSpec, LoggerLibrarySpec } from '../../knowledge/logging/types.js';
import { findProperty, type PropertyLookup } from '../ast/find-property.js';
import { listPropertyNames } from '../ast/list-property-names.js';
import { ANY_FIELDS, createFieldSet, NO_FIELDS, unionFields } from './fields.js';
import type { FieldSet } from './model.js';
import { listExpressionFields, listFunctionFields } from './object-fields.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Reads a `formats` option (winston's format chain). */
export type FormatReader = (context: AnyContext, node: TSESTree.Node) => FieldSet;

export function readOptionFields(context: AnyContext, spec: LoggerLibrarySpec, options: TSESTree.Node | undefined, readFormats?: FormatReader): FieldSet {
  const sets: FieldSet[] = [];
  for (const [path, option] of Object.entries(spec.fieldOptions) as Array<[string, FieldOptionSpec]>) {
    const lookup = options ? findPath(context, options, path.split('.')) : ({ kind: 'absent' } as const);
    sets.push(readOption(context, path, option, lookup, readFormats));
  }
  if (spec.nonFieldOptions && options) {
    const names = listPropertyNames(context, options);
    sets.push(names.kind === 'known' ? createFieldSet(names.names.filter((name) => !spec.nonFieldOptions!.includes(name))) : ANY_FIELDS);
  }
  return unionFields(NO_FIELDS, ...sets);
}

/** Finds `a.b.c` in an options object: unknown as soon as one level cannot be read. */
export function findPath(context: AnyContext, options: TSESTree.Node, path: readonly string[]): PropertyLookup {
  let lookup: PropertyLookup = { kind: 'found', node: options, value: undefined };
  for (const key of path) {
    if (lookup.kind !== 'found') return lookup;
    if (!lookup.node) return readStaticPath(lookup.value?.value, key);
    lookup = findProperty(context, lookup.node, key);
  }
  return lookup;
}

function readOption(context: AnyContext, path: string, option: FieldOptionSpec, lookup: PropertyLookup, readFormats: FormatReader | undefined): FieldSet {
  if (lookup.kind === 'unknown') return ANY_FIELDS;
  if (lookup.kind === 'absent') return createFieldSet(option.role === 'fields-object' ? (option.fieldsWhenAbsent ?? []) : []);
  const { node, value } = lookup;
  switch (option.role) {
    case 'field':
      return value?.value === undefined && node === undefined ? NO_FIELDS : createFieldSet([path.split('.').pop()!]);
    case 'fields-object':
      if (value?.value === null) return NO_FIELDS;
      if (node) return listExpressionFields(context, node);
      return value && typeof value.value === 'object' ? createFieldSet(Object.keys(value.value as object)) : ANY_FIELDS;
    case 'fields-function':
      return node ? listFunctionFields(context, node) : ANY_FIELDS;
    case 'formats':
      return node && readFormats ? readFormats(context, node) : ANY_FIELDS;
  }
}

function readStaticPath(value: unknown, key: string): PropertyLookup {
  if (value === null || typeof value !== 'object') return { kind: 'unknown' };
  if (!Object.hasOwn(value, key)) return { kind: 'absent' };
  return { kind: 'found', node: undefined, value: { value: (value as Record<string, unknown>)[key] } };
}
