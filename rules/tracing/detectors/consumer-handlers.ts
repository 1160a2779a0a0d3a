/**
 * Message handlers in the linted file: kafkajs `consumer.run({ eachMessage, eachBatch })`, amqplib
 * `channel.consume(queue, onMessage)` in a module that imports amqplib, bullmq `new Worker(name, processor)`,
 * and NestJS `@EventPattern()`/`@MessagePattern()` methods and `@Processor()` classes.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { amqplibConsumer, bullmqWorker, kafkajsConsumer } from '../../../knowledge/tracing/messaging.js';
import { getImportSource } from '../../ast/get-import-source.js';
import { CONSTRUCT, ESM, findLibraryReferences, tracePackages } from '../../ast/library-references.js';
import { isFunctionNode, resolveFunction, type FunctionNode } from '../../ast/resolve-function.js';
import type { AnyRuleContext as AnyContext } from '../../family/create-collector.js';
import type { FileIndex } from '../../family/file-index.js';
import type { HandlerFramework, HandlerScope, IncomingRoot } from '../model.js';
import { getDecoratorName, getParameterIdentifier, getPropertyKey, getStaticMemberName } from './syntax.js';

const NEST_MESSAGE_DECORATORS = { module: '@nestjs/microservices', names: ['EventPattern', 'MessagePattern'] };
const NEST_QUEUE_PACKAGES = ['@nestjs/bullmq', '@nestjs/bull'];

export function findConsumerHandlers(context: AnyContext, index: FileIndex): HandlerScope[] {
  const handlers: HandlerScope[] = [];
  const importsAmqp = amqplibConsumer.packages.some((name) => context.sourceCode.text.includes(name.split('/')[0]!));
  for (const call of index.nodesOfType(AST_NODE_TYPES.CallExpression)) {
    if (call.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = getStaticMemberName(call.callee);
    if (method === 'run') handlers.push(...findKafkaHandlers(context, call));
    else if (method === 'consume' && importsAmqp) {
      const fn = resolveFunction(context, call.arguments[amqplibConsumer.handlers.consume.handlerArgument]);
      if (fn) handlers.push(createMessageHandler('amqplib', 'amqplib consume handler', fn, rootOf(fn.params[0], [...amqplibConsumer.handlers.consume.headersPath])));
    }
  }
  const workerMap = tracePackages(bullmqWorker.packages, { [bullmqWorker.worker.className]: { [CONSTRUCT]: true }, [ESM]: true });
  for (const reference of findLibraryReferences(context, workerMap)) {
    const construction = reference.node as TSESTree.NewExpression;
    const fn = resolveFunction(context, construction.arguments[bullmqWorker.worker.processorArgument]);
    if (fn) handlers.push(createMessageHandler('bullmq', 'bullmq Worker processor', fn, rootOf(fn.params[0], undefined)));
  }
  for (const type of [AST_NODE_TYPES.ClassDeclaration, AST_NODE_TYPES.ClassExpression] as const) {
    for (const declaration of index.nodesOfType(type)) handlers.push(...findNestConsumers(context, declaration));
  }
  return handlers;
}

/** `consumer.run({ eachMessage: async ({ message }) => …, eachBatch })`. */
function findKafkaHandlers(context: AnyContext, call: TSESTree.CallExpression): HandlerScope[] {
  const options = call.arguments[0];
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const handlers: HandlerScope[] = [];
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = getPropertyKey(property);
    if (key !== 'eachMessage' && key !== 'eachBatch') continue;
    const fn = resolveFunction(context, property.value);
    if (!fn) continue;
    const payload = kafkajsConsumer.handlers[key];
    handlers.push(createMessageHandler('kafkajs', `kafkajs ${key} handler`, fn, findPayloadRoots(fn.params[0], payload[0]!, key === 'eachMessage' ? ['headers'] : undefined)));
  }
  return handlers;
}

/** `({ message }) => …` binds the message; `(payload) => …` reaches it through `payload.message`. */
function findPayloadRoots(parameter: TSESTree.Parameter | undefined, field: string, headersPath: readonly string[] | undefined): IncomingRoot[] {
  if (!parameter) return [];
  if (parameter.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of parameter.properties) {
      if (property.type !== AST_NODE_TYPES.Property || getPropertyKey(property) !== field) continue;
      const identifier = getParameterIdentifier(property.value);
      return identifier ? [{ identifier, headersPath }] : [];
    }
    return [];
  }
  return rootOf(parameter, headersPath ? [field, ...headersPath] : undefined);
}

function findNestConsumers(context: AnyContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): HandlerScope[] {
  const isFrom = (decorator: TSESTree.Decorator, modules: readonly string[], names: readonly string[]): boolean => {
    const name = getDecoratorName(decorator);
    const source = name ? getImportSource(context, name) : undefined;
    return source !== undefined && modules.includes(source.module) && names.includes(source.name);
  };
  const isProcessor = (declaration.decorators ?? []).some((decorator) => isFrom(decorator, NEST_QUEUE_PACKAGES, ['Processor']));
  const handlers: HandlerScope[] = [];
  for (const member of declaration.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method' || !isFunctionNode(member.value)) continue;
    const fn: FunctionNode = member.value;
    const name = member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : undefined;
    if ((member.decorators ?? []).some((decorator) => isFrom(decorator, [NEST_MESSAGE_DECORATORS.module], NEST_MESSAGE_DECORATORS.names))) {
      const roots = fn.params.flatMap((parameter) => rootOf(parameter, undefined));
      handlers.push(createMessageHandler('nestjs-microservices', 'NestJS message handler', fn, roots));
    } else if (isProcessor && (name === 'process' || (member.decorators ?? []).some((decorator) => isFrom(decorator, NEST_QUEUE_PACKAGES, ['Process'])))) {
      handlers.push(createMessageHandler('bullmq', 'NestJS queue processor', fn, rootOf(fn.params[0], undefined)));
    }
  }
  return handlers;
}

function rootOf(parameter: TSESTree.Node | undefined, headersPath: readonly string[] | undefined): IncomingRoot[] {
  const identifier = getParameterIdentifier(parameter);
  return identifier ? [{ identifier, headersPath }] : [];
}

function createMessageHandler(framework: HandlerFramework, description: string, fn: FunctionNode, incoming: IncomingRoot[]): HandlerScope {
  return { kind: 'message', framework, description, function: fn, incoming, source: 'message headers' };
}
