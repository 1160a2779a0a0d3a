import type { TSESTree } from '@typescript-eslint/utils';

import { isExternalHost } from '../knowledge/tracing/trace-context.js';
import { createRule } from './create-rule.js';
import { collectTracing } from './tracing/collect.js';
import type { MintedTraceId, OutboundCall, TracingModel } from './tracing/model.js';

type Options = [{ checkMintedIds?: boolean; checkMessageHandlers?: boolean; checkExternalHosts?: boolean }];
type MessageIds = 'missingPropagation' | 'freshTraceId';

interface Problem {
  readonly messageId: MessageIds;
  readonly node: TSESTree.Node;
  readonly data: Record<string, string>;
}

export default createRule<Options, MessageIds>({
  name: 'require-trace-propagation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require outbound calls made while handling a request or message to forward its trace context',
      strict: true,
      usesTypeInformation: true,
    },
    messages: {
      missingPropagation:
        '{{library}} call in {{handler}} forwards none of the incoming trace context: the service it calls starts a new trace and the request can no longer be followed across services; forward `traceparent`/`tracestate` from the incoming {{source}} (or `propagation.inject(context.active(), headers)`), or start OpenTelemetry instrumentation for {{library}}.',
      freshTraceId:
        '`{{minter}}` mints a new {{usedAs}} in {{handler}} that already brings one: each service then logs its own id and the request cannot be followed from service to service; take the incoming id ({{headers}}) and mint one only when it is missing.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkMintedIds: {
            type: 'boolean',
            description: 'Report trace and correlation ids minted fresh (`randomUUID()`, `uuid()`, `nanoid()`) inside a handler.',
          },
          checkMessageHandlers: {
            type: 'boolean',
            description: 'Check kafkajs, amqplib, bullmq and NestJS message handlers as well as HTTP request handlers.',
          },
          checkExternalHosts: {
            type: 'boolean',
            description: 'Also report calls to hosts outside the system (a literal URL such as `https://api.stripe.com/…`), where the trace usually ends on purpose.',
          },
        },
      },
    ],
    defaultOptions: [{ checkMintedIds: true, checkMessageHandlers: true, checkExternalHosts: false }],
  },
  defaultOptions: [{ checkMintedIds: true, checkMessageHandlers: true, checkExternalHosts: false }],
  create(context, [options]) {
    return {
      'Program:exit'() {
        for (const model of collectTracing(context)) {
          const problem = getProblem(model, options);
          if (problem) context.report(problem);
        }
      },
    };
  },
});

function getProblem(model: TracingModel, options: Options[0]): Problem | undefined {
  const handler = model.handler;
  if (handler?.kind === 'message' && options.checkMessageHandlers === false) return undefined;
  if (model.kind === 'outbound-call') return getCallProblem(model, options.checkExternalHosts === true);
  return options.checkMintedIds === false ? undefined : getMintProblem(model);
}

function getCallProblem(call: OutboundCall, checkExternalHosts: boolean): Problem | undefined {
  if (call.propagation.kind !== 'none') return undefined;
  if (!checkExternalHosts && call.host !== undefined && isExternalHost(call.host)) return undefined;
  return {
    messageId: 'missingPropagation',
    node: call.node,
    data: { library: call.library, handler: `this ${call.handler.description}`, source: call.handler.source },
  };
}

function getMintProblem(mint: MintedTraceId): Problem {
  const usedAs = /^[a-z][\w-]*$/i.test(mint.usedAs) && mint.usedAs.includes('-') ? `\`${mint.usedAs}\` header` : `\`${mint.usedAs}\``;
  return {
    messageId: 'freshTraceId',
    node: mint.node,
    data: {
      minter: mint.minter,
      usedAs,
      handler: mint.handler ? `this ${mint.handler.description}` : 'a request-id generator for every request',
      headers: mint.handler?.kind === 'message' ? 'from the message headers' : '`traceparent` or `x-request-id` from the request headers',
    },
  };
}
