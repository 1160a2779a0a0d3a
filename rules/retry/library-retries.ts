/**
 * Every retry configured through a library in the linted file, one RetryPolicy each: axios-retry,
 * retry-axios, p-retry, async-retry, retry (node-retry), cockatiel, rxjs retry/retryWhen, the built-in
 * retry of got and ky, and amqplib redelivery (`nack`/`reject` that requeue). Imports are resolved with
 * ReferenceTracker (ESM default, named, namespace and aliased imports, CommonJS require); options are read
 * through constants, spreads and, with types, other modules. What cannot be read is unknown, never guessed.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { findLibraryReferences, type LibraryReference, type TraceMap } from '../ast/library-references.js';
import { createQuotedNamesTest } from '../ast/quoted-names.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import type { FileIndex } from '../family/file-index.js';
import { describeRedeliveries, findConsumeHandler } from './detectors/amqplib.js';
import { axiosRetryDetector } from './detectors/axios-retry.js';
import { cockatielDetector } from './detectors/cockatiel.js';
import type { Detection, RetryLibraryDetector, RetryReference } from './detectors/detection.js';
import { gotDetector } from './detectors/got.js';
import { kyDetector } from './detectors/ky.js';
import { nodeRetryDetector } from './detectors/node-retry.js';
import { asyncRetryDetector, pRetryDetector } from './detectors/promise-wrappers.js';
import { retryAxiosDetector } from './detectors/retry-axios.js';
import { rxjsDetector } from './detectors/rxjs.js';
import type { RetryPolicy } from './model.js';

export const RETRY_LIBRARY_DETECTORS: readonly RetryLibraryDetector[] = [
  axiosRetryDetector,
  retryAxiosDetector,
  pRetryDetector,
  asyncRetryDetector,
  nodeRetryDetector,
  cockatielDetector,
  rxjsDetector,
  gotDetector,
  kyDetector,
];

const TRACE_MAP: TraceMap<RetryReference> = Object.assign({}, ...RETRY_LIBRARY_DETECTORS.map((detector) => detector.modules)) as TraceMap<RetryReference>;
const namesRetryLibrary = createQuotedNamesTest(Object.keys(TRACE_MAP));

/** The retries the libraries configure in the file, found once per file by the retry collector. */
export function findLibraryRetries(context: AnyRuleContext, index: FileIndex): RetryPolicy[] {
  const policies = detectRedeliveries(context, index);
  // Cheap check first: a file that names none of the packages between quotes imports none of them.
  if (!namesRetryLibrary(context.sourceCode.text)) return policies;
  const references = findReferences(context);
  if (references.length === 0) return policies;
  const detection: Detection = {
    context,
    known: new Map(references.map((reference) => [reference.node, reference.info])),
    onPolicy: (policy) => policies.push(policy),
  };
  const byLibrary = new Map<string, Array<LibraryReference<RetryReference>>>();
  for (const reference of references) {
    const list = byLibrary.get(reference.info.library) ?? [];
    list.push(reference);
    byLibrary.set(reference.info.library, list);
  }
  for (const detector of RETRY_LIBRARY_DETECTORS) {
    const found = byLibrary.get(detector.library);
    if (found) detector.detect(found, detection);
  }
  return policies;
}

function findReferences(context: Detection['context']): Array<LibraryReference<RetryReference>> {
  return findLibraryReferences(context, TRACE_MAP);
}

/** amqplib `nack`/`reject` that requeue inside a `consume` handler: recognised by shape. */
function detectRedeliveries(context: AnyRuleContext, index: FileIndex): RetryPolicy[] {
  const text = context.sourceCode.text;
  if (!text.includes('consume') || !(text.includes('nack') || text.includes('reject'))) return [];
  const policies: RetryPolicy[] = [];
  for (const node of index.nodesOfType(AST_NODE_TYPES.CallExpression)) {
    const handler = findConsumeHandler(context, node);
    if (handler) policies.push(...describeRedeliveries(context, handler));
  }
  return policies;
}
