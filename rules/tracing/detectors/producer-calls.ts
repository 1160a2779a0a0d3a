/**
 * Outbound messages: kafkajs `producer.send({ topic, messages })` and `sendBatch({ topicMessages })`, and
 * amqplib `channel.publish(exchange, routingKey, content, options)` and `sendToQueue(queue, content, options)`
 * in a module that imports amqplib. The headers a message carries are in `messages[i].headers` (kafkajs)
 * and `options.headers` (amqplib).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { amqplibProducer, kafkajsProducer } from '../../../knowledge/tracing/messaging.js';
import type { ProducerSpec } from '../../../knowledge/tracing/types.js';
import { findProperty } from '../../ast/find-property.js';
import { resolveFunction } from '../../ast/resolve-function.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import type { AnyRuleContext } from '../../family/create-collector.js';
import type { FileIndex } from '../../family/file-index.js';
import { best, type HeadersVerdict, type OutgoingHeaders } from '../outgoing-headers.js';
import { getStaticMemberName } from './syntax.js';

export interface ProducerCall {
  readonly library: ProducerSpec['name'];
  readonly node: TSESTree.CallExpression;
  readonly headers: (reader: OutgoingHeaders) => HeadersVerdict;
}

export function findProducerCalls(context: AnyRuleContext, index: FileIndex): ProducerCall[] {
  const text = context.sourceCode.text;
  const mentionsKafka = /kafka/i.test(text);
  const mentionsAmqp = amqplibProducer.packages.some((name) => text.includes(name.split('/')[0]!));
  if (!mentionsKafka && !mentionsAmqp) return [];
  const found: ProducerCall[] = [];
  for (const call of index.nodesOfType(AST_NODE_TYPES.CallExpression)) {
    if (call.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = getStaticMemberName(call.callee);
    if (method === undefined) continue;
    if (mentionsKafka && Object.hasOwn(kafkajsProducer.calls, method)) {
      const spec = kafkajsProducer.calls[method as keyof typeof kafkajsProducer.calls];
      const record = call.arguments[spec.optionsArgument];
      const listKey = spec.headersPath[0]!;
      if (record && findProperty(context, record, listKey).kind === 'found') {
        found.push({ library: 'kafkajs', node: call, headers: (reader) => readListHeaders(context, reader, record, spec.headersPath) });
      }
    } else if (mentionsAmqp && Object.hasOwn(amqplibProducer.calls, method)) {
      const spec = amqplibProducer.calls[method as keyof typeof amqplibProducer.calls];
      if (call.arguments.length < spec.minimumArguments) continue;
      found.push({ library: 'amqplib', node: call, headers: (reader) => reader.fromOptions(call.arguments[spec.optionsArgument], spec.headersPath[0]!) });
    }
  }
  return found;
}

/**
 * Follows `['messages', '[]', 'headers']` through the record: an array literal's elements, or the object a
 * `.map(…)` callback returns, each judged; the message carries the context only if every one does.
 */
function readListHeaders(context: AnyRuleContext, reader: OutgoingHeaders, node: TSESTree.Node, path: readonly string[]): HeadersVerdict {
  const [head, ...rest] = path;
  if (head === undefined) return reader.fromHeaders(node);
  if (head === 'headers' && rest.length === 0) return reader.fromOptions(node, 'headers');
  if (head === '[]') {
    const elements = listElements(context, node);
    if (!elements) return { kind: 'unknown' };
    let verdict: HeadersVerdict | undefined;
    for (const element of elements) {
      const found = readListHeaders(context, reader, element, rest);
      // Every message must carry it: the weakest verdict decides.
      verdict = verdict === undefined || best(found, verdict) === verdict ? found : verdict;
    }
    return verdict ?? { kind: 'unknown' };
  }
  const lookup = findProperty(context, node, head);
  if (lookup.kind !== 'found' || !lookup.node) return { kind: 'unknown' };
  return readListHeaders(context, reader, lookup.node, rest);
}

/** The message objects of an array literal, or the object a `list.map((item) => ({ … }))` callback returns. */
function listElements(context: AnyRuleContext, node: TSESTree.Node): TSESTree.Node[] | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ArrayExpression) {
    if (expression.elements.some((element) => element === null || element.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    return expression.elements as TSESTree.Node[];
  }
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(expression.callee) === 'map') {
    const fn = resolveFunction(context, expression.arguments[0]);
    if (fn?.body.type === AST_NODE_TYPES.ObjectExpression) return [fn.body];
    if (fn?.body.type === AST_NODE_TYPES.BlockStatement) {
      const returned = fn.body.body.find((statement): statement is TSESTree.ReturnStatement => statement.type === AST_NODE_TYPES.ReturnStatement);
      return returned?.argument ? [returned.argument] : undefined;
    }
  }
  return undefined;
}
