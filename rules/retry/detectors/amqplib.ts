/**
 * amqplib redelivery as a retry: inside a `channel.consume(queue, (message) => …)` handler, a
 * `nack(message)` or `reject(message)` that requeues (the default) sends the message straight back, so a
 * message that always fails is retried forever. A handler that reads a delivery counter may bound it
 * (unknown); `requeue: false` is no retry at all. Recognised by shape, with or without an import.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { amqplibRedelivery } from '../../../knowledge/retry/amqplib-redelivery.js';
import { resolveFunction, type FunctionNode } from '../../ast/resolve-function.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { walkDescendants } from '../../ast/walk-descendants.js';
import type { RetryPolicy } from '../model.js';
import { getArgument, isArgumentHidden } from './detection.js';

const SETTLE_METHODS: Readonly<Record<string, { requeueArgument: number }>> = amqplibRedelivery.methods;
/** Calls that read trace context from message headers (`traceFromHeaders`, OpenTelemetry `propagation.extract`). */
const TRACE_CONTEXT_READER = /trace|span|propagat|context/i;

/**
 * `consume(queue, handler)` calls: the handler, when it is written in this file (inline, or a function
 * declaration or `const` passed by name).
 */
export function findConsumeHandler(context: AnyRuleContext, node: TSESTree.CallExpression): FunctionNode | undefined {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (callee.property.name !== 'consume') return undefined;
  return resolveFunction(context, getArgument(node, 1));
}

/** The requeueing nack/reject calls in a consume handler, one policy each. */
export function describeRedeliveries(context: AnyRuleContext, handler: FunctionNode): RetryPolicy[] {
  const message = handler.params[0];
  if (message?.type !== AST_NODE_TYPES.Identifier) return [];
  const countsDeliveries = readsDeliveryCounter(context, handler);
  const policies: RetryPolicy[] = [];
  walkDescendants(context, handler.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const method = getSettleMethod(node);
    const first = getArgument(node, 0);
    if (!method || first?.type !== AST_NODE_TYPES.Identifier || first.name !== message.name) return undefined;
    const requeue = readRequeue(context, node, SETTLE_METHODS[method]!.requeueArgument);
    if (requeue === false) return undefined;
    policies.push({
      library: 'amqplib',
      node,
      bound:
        requeue === 'unknown' || countsDeliveries
          ? { kind: 'unknown' }
          : { kind: 'unbounded', reason: `\`${method}()\` requeues the message by default and nothing counts its deliveries or dead-letters it` },
      // The broker redelivers at once; whether that needs a delay is the consumer's design, not judged here.
      backoff: { kind: 'unknown', jitter: 'unknown', reason: 'broker redelivery' },
      condition: { kind: 'default' },
      methods: { kind: 'all' },
      operation: handler,
    });
    return undefined;
  });
  return policies;
}

function getSettleMethod(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  return Object.hasOwn(SETTLE_METHODS, callee.property.name) ? callee.property.name : undefined;
}

function readRequeue(context: AnyRuleContext, call: TSESTree.CallExpression, index: number): boolean | 'unknown' {
  if (isArgumentHidden(call, index)) return 'unknown';
  const argument = getArgument(call, index);
  if (!argument) return amqplibRedelivery.requeue.default;
  const value = getStaticValueOf(context, argument)?.value;
  if (value === undefined && argument.type === AST_NODE_TYPES.Identifier && argument.name === 'undefined') return true;
  return typeof value === 'boolean' ? value : 'unknown';
}

function readsDeliveryCounter(context: AnyRuleContext, handler: FunctionNode): boolean {
  const counters: readonly string[] = amqplibRedelivery.deliveryCounters;
  let found = false;
  walkDescendants(context, handler.body, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && counters.includes(node.name)) found = true;
    if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && counters.includes(node.value)) found = true;
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === 'headers') {
      found = mayReadCounterFromHeaders(context, node);
    }
    return !found;
  });
  return found;
}

/**
 * Whether a read of `message.properties.headers` may read a delivery counter: a header read by a name the
 * rule can see (`headers['x-tenant']`) is not one (counter names are matched above), nor are headers handed
 * to trace-context extraction (`traceFromHeaders(…)`, `propagation.extract(…)`); anything else may be.
 */
function mayReadCounterFromHeaders(context: AnyRuleContext, headers: TSESTree.MemberExpression): boolean {
  let read: TSESTree.Node = headers;
  while (read.parent?.type === AST_NODE_TYPES.ChainExpression || read.parent?.type === AST_NODE_TYPES.TSNonNullExpression) read = read.parent;
  const parent = read.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === read) {
    return parent.computed && typeof getStaticValueOf(context, parent.property)?.value !== 'string';
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(read as TSESTree.CallExpressionArgument)) {
    return !TRACE_CONTEXT_READER.test(context.sourceCode.getText(parent.callee));
  }
  return true;
}
