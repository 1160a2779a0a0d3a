/**
 * What is done with the request object a call returns (a superagent Request, a node:http ClientRequest):
 * the methods chained on it or called through the variable that holds it, and whether it is handed
 * somewhere this file cannot follow (returned from a function that is not async, stored in an object,
 * passed to another function), where more methods might be called on it.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { findValueReferences } from '../ast/find-value-references.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { getMemberName } from '../ast/member-name.js';

export interface ChainedCall {
  readonly name: string;
  readonly node: TSESTree.CallExpression;
}

export interface RequestChain {
  readonly calls: readonly ChainedCall[];
  readonly escapes: boolean;
}

/** Methods after which the value is a promise, not the request. */
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);
/** Functions that consume a request without configuring it. */
const CONSUMERS = new Set(['all', 'allSettled', 'race', 'any', 'pipe', 'pipeline', 'finished', 'once']);
const MAX_DEPTH = 3;

export function followRequestChain(context: AnyRuleContext, call: TSESTree.CallExpression): RequestChain {
  const calls: ChainedCall[] = [];
  const escapes = follow(context, call, calls, 0);
  return { calls, escapes };
}

function follow(context: AnyRuleContext, start: TSESTree.Node, calls: ChainedCall[], depth: number): boolean {
  let current = start;
  for (;;) {
    const member = current.parent;
    const next = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current || next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) break;
    const name = getMemberName(context, member);
    if (name === undefined) return true;
    calls.push({ name, node: next });
    if (PROMISE_METHODS.has(name)) return false;
    current = next;
  }
  return followEnd(context, current, calls, depth);
}

/** Where the request (or the end of its chain) goes; true when it escapes. */
function followEnd(context: AnyRuleContext, node: TSESTree.Node, calls: ChainedCall[], depth: number): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.UnaryExpression:
      return false;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return follow(context, parent, calls, depth);
    case AST_NODE_TYPES.ReturnStatement:
      return !isInAsyncFunction(parent);
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node ? !parent.async : true;
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.AssignmentExpression: {
      if (depth >= MAX_DEPTH) return true;
      const stored = findValueReferences(context, node);
      if (stored.storage === 'none' || stored.exported) return true;
      return stored.references.some((reference) => follow(context, reference, calls, depth + 1));
    }
    case AST_NODE_TYPES.ArrayExpression:
      return !isConsumerArgument(context, parent);
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === node ? true : !isConsumerArgument(context, node);
    default:
      return true;
  }
}

function isConsumerArgument(context: AnyRuleContext, node: TSESTree.Node): boolean {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === node) return false;
  const callee = call.callee;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getMemberName(context, callee) : undefined;
  return name !== undefined && CONSUMERS.has(name);
}

function isInAsyncFunction(node: TSESTree.Node): boolean {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      return current.async;
    }
    current = current.parent;
  }
  return false;
}
