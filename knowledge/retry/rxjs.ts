/**
 * rxjs: the `retry` operator, whose count defaults to Infinity (retry() resubscribes forever, immediately),
 * takes a number or `{ count, delay, resetOnSuccess }`; `delay` is milliseconds or a function returning a
 * notifier. `retryWhen(notifier)` (deprecated) retries as long as the notifier emits.
 * Read from rxjs 7.8.2 as installed (dist/esm/internal/operators/retry.js, retryWhen.js).
 */
import type { RetryLibrarySpec } from '../types.js';

const VERSION = '7.8.2';
const SOURCE = `rxjs@${VERSION} dist/esm/internal/operators/retry.js`;

export const rxjs = {
  name: 'rxjs',
  packages: ['rxjs', 'rxjs/operators'],
  /** The operator: `import { retry } from 'rxjs'`. */
  exportName: 'retry',
  versionRead: VERSION,
  repository: 'https://github.com/ReactiveX/rxjs',
  limit: {
    option: 'count',
    role: 'limit',
    unit: 'count',
    default: Number.POSITIVE_INFINITY,
    meaning: 'Resubscriptions after the first error; `retry()` and `retry({})` retry forever; `count <= 0` disables.',
    source: `${SOURCE} (\`retry(configOrCount = Infinity)\`; \`const { count = Infinity, delay, resetOnSuccess = false } = config\`)`,
  },
  backoff: {
    shape: 'none',
    jitter: false,
    formula: 'resubscribe at once unless `delay` is set',
    source: `${SOURCE} (\`if (delay != null) … else resub()\`)`,
  },
  condition: {
    everyError: true,
    networkErrors: true,
    serverErrors: true,
    statuses: [],
    meaning: 'Every error notification is retried; a `delay` function can stop by throwing or erroring.',
    source: SOURCE,
  },
  methods: { methods: 'all', meaning: 'Resubscribes to whatever the source does, a POST included.', source: SOURCE },
  options: {
    count: { role: 'limit', unit: 'count', default: Number.POSITIVE_INFINITY, meaning: 'Retries after the first error.', source: SOURCE },
    delay: { role: 'delay', unit: 'milliseconds', default: undefined, meaning: 'Milliseconds (constant) or (error, retryCount) => ObservableInput.', source: `${SOURCE} (\`typeof delay === 'number' ? timer(delay) : innerFrom(delay(err, soFar))\`)` },
    resetOnSuccess: { role: 'other', unit: 'boolean', default: false, meaning: 'Reset the count after a successful value.', source: SOURCE },
  },
} as const satisfies RetryLibrarySpec;

/** `retryWhen(notifier)`: retries each time the notifier emits, ends when it completes or errors. */
export const rxjsRetryWhen = {
  exportName: 'retryWhen',
  deprecated: true,
  meaning: 'Unbounded unless the notifier completes (take, takeWhile) or errors (throwError, a throw in a map).',
  source: `rxjs@${VERSION} dist/esm/internal/operators/retryWhen.js`,
} as const;

/**
 * What a resubscription runs again: `from(promise)` subscribes to the promise it was given, already settled,
 * so a retry after it sends nothing again; `defer(factory)` calls its factory on every subscription.
 * Read from rxjs@7.8.2 as installed (dist/esm/internal/observable/innerFrom.js, `fromPromise`: `promise.then(…)`
 * on each subscription; defer.js: `innerFrom(observableFactory()).subscribe(subscriber)`).
 */
export const rxjsSources = {
  /** Sources that replay a value made once: a retry after them repeats no request. */
  replaySettled: ['from'],
  /** `retry({ delay })` whose delay function only returns a timer of these, whatever the error, retries every error. */
  timers: ['timer'],
  source: `rxjs@${VERSION} dist/esm/internal/observable/innerFrom.js, defer.js`,
} as const;
