/**
 * A function that calls itself once more with a flag that stops it from doing so again is a fallback, not
 * a retry policy: `if (useCache) return loadSettings(id, false)`, or
 * `if (!options.bypassCache) return this.get(url, { ...options, bypassCache: true })`. The call passes a
 * constant (as an argument, or as a property of an object literal) that the way to the call tests, and with
 * that constant the way is closed: the second run cannot repeat.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../../ast/rule-context.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { mentions, type Scenario } from './evaluate-test.js';
import type { FunctionNode } from './local-functions.js';
import { evaluatePath, getPathItems } from './path-to-call.js';

type Variable = NonNullable<ReturnType<typeof ASTUtils.findVariable>>;

export function isSingleRepeat(context: AnyRuleContext, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const flags = getPassedFlags(context, call, fn);
  if (flags.size === 0) return false;
  const references = new Map<TSESTree.Node, unknown>();
  for (const [variable, value] of flags) for (const reference of variable.references) references.set(reference.identifier as TSESTree.Node, value);
  const scenario: Scenario = {
    isRelevant: (node) => mentions(node, (found) => references.has(found) || (found.type === AST_NODE_TYPES.MemberExpression && readMember(found, references) !== undefined)),
    valueOf: (node) => {
      if (references.has(node)) return { value: references.get(node) };
      return node.type === AST_NODE_TYPES.MemberExpression ? readMember(node, references) : undefined;
    },
  };
  return evaluatePath(context, getPathItems(call, fn), scenario) === false;
}

/**
 * The parameters the call sets to a constant: `load(id, false)` binds the second parameter;
 * `get(url, { ...options, bypassCache: true })` binds `options.bypassCache` (kept as the object
 * `{ bypassCache: true }` for the parameter), or `bypassCache` when the parameter is destructured.
 */
function getPassedFlags(context: AnyRuleContext, call: TSESTree.CallExpression, fn: FunctionNode): Map<Variable, unknown> {
  const flags = new Map<Variable, unknown>();
  const declared = context.sourceCode.getDeclaredVariables(fn);
  const passed = isScheduled(call) ? call.arguments.slice(2) : call.arguments;
  fn.params.forEach((param, index) => {
    const argument = passed[index];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    const constant = getStaticValueOf(context, argument);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = declared.find((candidate) => candidate.name === target.name);
      if (!variable) return;
      if (constant && typeof constant.value !== 'object') flags.set(variable, constant.value);
      else {
        const properties = getConstantProperties(context, argument);
        if (properties.size > 0) flags.set(variable, new ConstantProperties(properties));
      }
      return;
    }
    if (target.type !== AST_NODE_TYPES.ObjectPattern) return;
    const properties = getConstantProperties(context, argument);
    for (const property of target.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || !properties.has(property.key.name)) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      const variable = value.type === AST_NODE_TYPES.Identifier ? declared.find((candidate) => candidate.name === value.name) : undefined;
      if (variable) flags.set(variable, properties.get(property.key.name));
    }
  });
  return flags;
}

/** The properties of an object literal written with constant values: `{ ...options, bypassCache: true }`. */
function getConstantProperties(context: AnyRuleContext, node: TSESTree.Node): Map<string, unknown> {
  const properties = new Map<string, unknown>();
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.ObjectExpression) return properties;
  for (const property of expression.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    const value = getStaticValueOf(context, property.value);
    if (value && typeof value.value !== 'object') properties.set(property.key.name, value.value);
  }
  return properties;
}

class ConstantProperties {
  constructor(readonly properties: ReadonlyMap<string, unknown>) {}
}

/** `options.bypassCache` where the call passed `{ bypassCache: true }` for `options`. */
function readMember(node: TSESTree.MemberExpression, references: ReadonlyMap<TSESTree.Node, unknown>): { value: unknown } | undefined {
  if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const holder = references.get(unwrapExpression(node.object));
  if (!(holder instanceof ConstantProperties) || !holder.properties.has(node.property.name)) return undefined;
  return { value: holder.properties.get(node.property.name) };
}

function isScheduled(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'setTimeout';
}
