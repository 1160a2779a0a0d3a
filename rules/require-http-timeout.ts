import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from './create-rule.js';
import { nestjsAxios } from '../knowledge/http/nestjs-axios.js';
import { collectHttpUsage, getTimeoutResolver } from './http/collect.js';
import { getServiceRequestTimeout } from './http/nest-http-module.js';
import type { HttpInstance, HttpLibrary, HttpRequest, TimeoutState } from './http/model.js';
import type { TimeoutResolver, TimeoutSettings } from './http/request-timeout.js';
import { describeForwardedOptions, describeWrapperLocation, findUnboundedWrapperCalls } from './http/request-wrappers.js';
import { getInstanceTimeoutSuggestion, getRequestTimeoutSuggestion, type TimeoutSuggestion } from './http/timeout-suggestions.js';

type Options = [{ allowDefaultTimeout?: boolean }];
type MessageIds = 'missingTimeout' | 'missingClientTimeout' | 'missingWrapperTimeout' | 'missingServiceTimeout' | 'addTimeout';

export default createRule<Options, MessageIds>({
  name: 'require-http-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a timeout on outbound HTTP requests and clients',
      recommended: true,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    messages: {
      missingTimeout: '{{library}} request with {{problem}}: a slow or hung dependency will hold this caller and everything upstream waiting on it; {{fix}}.',
      missingClientTimeout: '{{library}} client created with {{problem}}: every request it sends can hang on a slow dependency and stall its callers; {{fix}}.',
      missingWrapperTimeout:
        '`{{wrapper}}` (defined at {{location}}) sends its {{library}} request with no timeout of its own, only what its caller passes, and this call passes {{problem}}: a slow or hung dependency will hold this caller and everything upstream waiting on it; pass {{options}} here, or give `{{wrapper}}` a default timeout.',
      missingServiceTimeout:
        'NestJS `HttpService` request with {{problem}}: a slow or hung dependency will hold this caller and everything upstream waiting on it; {{fix}}.',
      addTimeout: 'Add `{{code}}` (tune the limit to this dependency\'s latency budget).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowDefaultTimeout: {
            type: 'boolean',
            description: 'Count a library\'s own default timeout (ky: 10 s) as a timeout.',
          },
        },
      },
    ],
    defaultOptions: [{ allowDefaultTimeout: true }],
  },
  defaultOptions: [{ allowDefaultTimeout: true }],
  create(context, [options]) {
    const toSuggestions = (suggestion: TimeoutSuggestion | undefined): Array<{ messageId: 'addTimeout'; data: { code: string }; fix: TimeoutSuggestion['fix'] }> =>
      suggestion ? [{ messageId: 'addTimeout', data: { code: suggestion.code }, fix: suggestion.fix }] : [];
    const report = (messageId: MessageIds, node: TSESTree.Node, library: HttpLibrary, problem: string, suggestion: TimeoutSuggestion | undefined): void => {
      context.report({ node, messageId, data: { library: library.name, problem, fix: library.spec.timeout.advice }, suggest: toSuggestions(suggestion) });
    };
    return {
      'Program:exit'() {
        const usage = collectHttpUsage(context);
        const settings: TimeoutSettings = { allowDefaultTimeout: options.allowDefaultTimeout !== false };
        const resolver = getTimeoutResolver(context, usage, settings);
        for (const instance of usage.instances) {
          const state = resolver.getInstanceTimeout(instance);
          const problem = getInstanceProblem(instance, state, resolver);
          if (problem) report('missingClientTimeout', instance.node, instance.library, problem, isDisabled(state) ? undefined : getInstanceTimeoutSuggestion(context.sourceCode, instance));
        }
        for (const request of usage.requests) {
          const timeout = resolver.getRequestTimeout(request);
          const problem = getRequestProblem(request, timeout.state, timeout.own);
          if (problem) report('missingTimeout', request.node, request.library, problem, isDisabled(timeout.state) ? undefined : getRequestTimeoutSuggestion(context.sourceCode, request, timeout.options));
        }
        for (const request of usage.serviceRequests) {
          const timeout = getServiceRequestTimeout(context, request, resolver);
          if (timeout.state.kind !== 'none') continue;
          const suggestion = isDisabled(timeout.state) ? undefined : getRequestTimeoutSuggestion(context.sourceCode, request, timeout.options);
          if (timeout.own.kind === 'none') report('missingTimeout', request.node, request.library, timeout.own.reason, suggestion);
          else context.report({ node: request.node, messageId: 'missingServiceTimeout', data: { problem: timeout.state.reason, fix: nestjsAxios.advice[request.service.kind] }, suggest: toSuggestions(suggestion) });
        }
        for (const call of findUnboundedWrapperCalls(context, usage, settings)) {
          const { wrapper } = call;
          context.report({
            node: call.node,
            messageId: 'missingWrapperTimeout',
            data: { wrapper: wrapper.name, location: describeWrapperLocation(context, wrapper), library: wrapper.request.library.name, problem: call.problem, options: describeForwardedOptions(wrapper) },
          });
        }
      },
    };
  },
});

/** An instance with no default timeout, unless every request it sends here sets its own and it goes nowhere else. */
function getInstanceProblem(instance: HttpInstance, state: TimeoutState, resolver: TimeoutResolver): string | undefined {
  if (state.kind !== 'none') return undefined;
  const everyRequestBounded = !instance.escapes && instance.requests.length > 0 && instance.requests.every((request) => resolver.getRequestTimeout(request).own.kind === 'set');
  if (everyRequestBounded) return undefined;
  return state.disabledBy ? state.reason : 'no default timeout';
}

/**
 * A request with no timeout; requests through an instance are reported on the instance (made here, or in
 * the module that made it), unless they turn it off themselves.
 */
function getRequestProblem(request: HttpRequest, state: TimeoutState, own: TimeoutState): string | undefined {
  if (state.kind !== 'none') return undefined;
  if (own.kind === 'none') return own.reason === 'no timeout' ? 'no timeout' : own.reason;
  if (request.origin.kind === 'instance' || request.origin.kind === 'typed') return undefined;
  return state.reason;
}

function isDisabled(state: TimeoutState): boolean {
  return state.kind === 'none' && state.disabledBy !== undefined;
}
