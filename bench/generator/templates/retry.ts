/** The service's retry helper, written with the library the service picked (or by hand). */
import type { Random } from '../random.js';
import type { GeneratedFile, ServicePlan } from '../model.js';
import { Defects, lines, logCall } from '../model.js';

export function renderRetryHelper(plan: ServicePlan, random: Random): GeneratedFile {
  const defects = new Defects(random, plan.defectDensity);
  const log = (message: string, fields: string): string => logCall(plan.logger, 'warn', message, fields);
  let text: string;
  switch (plan.retry) {
    case 'p-retry': {
      const unbounded = defects.seed('no-unbounded-retry', 0.04);
      const noJitter = defects.seed('require-retry-backoff', 0.15);
      const retriesClientErrors = defects.seed('no-retry-on-client-error', 0.05);
      text = lines(
        "import pRetry, { AbortError } from 'p-retry';",
        '',
        `import { ${retriesClientErrors ? '' : 'isTransient, '}RETRY_ATTEMPTS, RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS } from '@acme/shared';`,
        '',
        "import { logger } from '../logger.js';",
        '',
        'export async function withRetry<T>(name: string, operation: () => Promise<T>): Promise<T> {',
        '  return pRetry(',
        '    async () => {',
        retriesClientErrors
          ? '      return operation();'
          : [
              '      try {',
              '        return await operation();',
              '      } catch (error) {',
              '        if (!isTransient(error)) throw new AbortError(error instanceof Error ? error : String(error));',
              '        throw error;',
              '      }',
            ],
        '    },',
        '    {',
        unbounded ? '      retries: Number.POSITIVE_INFINITY,' : '      retries: RETRY_ATTEMPTS,',
        '      factor: 2,',
        '      minTimeout: RETRY_BASE_DELAY_MS,',
        '      maxTimeout: RETRY_MAX_DELAY_MS,',
        !noJitter && '      randomize: true,',
        '      onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {',
        `        ${log('`${name} failed, retrying`', '{ attempt: attemptNumber, retriesLeft, err: error.message }')}`,
        '      },',
        '    },',
        '  );',
        '}',
      );
      break;
    }
    case 'async-retry': {
      const unbounded = defects.seed('no-unbounded-retry', 0.04);
      const noJitter = defects.seed('require-retry-backoff', 0.08);
      text = lines(
        "import retry from 'async-retry';",
        '',
        "import { isTransient, RETRY_ATTEMPTS, RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS } from '@acme/shared';",
        '',
        "import { logger } from '../logger.js';",
        '',
        'export async function withRetry<T>(name: string, operation: () => Promise<T>): Promise<T> {',
        '  return retry(',
        '    async (bail) => {',
        '      try {',
        '        return await operation();',
        '      } catch (error) {',
        '        if (!isTransient(error)) {',
        '          bail(error instanceof Error ? error : new Error(String(error)));',
        '          throw error;',
        '        }',
        '        throw error;',
        '      }',
        '    },',
        '    {',
        unbounded ? '      retries: Infinity,' : '      retries: RETRY_ATTEMPTS,',
        '      minTimeout: RETRY_BASE_DELAY_MS,',
        '      maxTimeout: RETRY_MAX_DELAY_MS,',
        noJitter && '      randomize: false,',
        '      onRetry: (error, attempt) => {',
        `        ${log('`${name} failed, retrying`', '{ attempt, err: String(error) }')}`,
        '      },',
        '    },',
        '  );',
        '}',
      );
      break;
    }
    case 'cockatiel': {
      const unbounded = defects.seed('no-unbounded-retry', 0.04);
      const constant = defects.seed('require-retry-backoff', 0.1);
      const noBreaker = defects.seed('require-circuit-breaker', 0.12);
      text = lines(
        'import {',
        '  ConsecutiveBreaker,',
        constant ? '  ConstantBackoff,' : '  ExponentialBackoff,',
        '  circuitBreaker,',
        '  handleWhen,',
        '  retry,',
        '  wrap,',
        '} from \'cockatiel\';',
        '',
        "import { isTransient, RETRY_ATTEMPTS, RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS } from '@acme/shared';",
        '',
        "import { logger } from '../logger.js';",
        '',
        'const transient = handleWhen(isTransient);',
        '',
        'const retryPolicy = retry(transient, {',
        !unbounded && '  maxAttempts: RETRY_ATTEMPTS,',
        constant
          ? `  backoff: new ConstantBackoff(${random.pick([250, 500, 1000])}),`
          : '  backoff: new ExponentialBackoff({ initialDelay: RETRY_BASE_DELAY_MS, maxDelay: RETRY_MAX_DELAY_MS }),',
        '});',
        '',
        'retryPolicy.onRetry(({ delay, attempt }) => {',
        `  ${log("'retrying'", '{ attempt, delay }')}`,
        '});',
        '',
        !noBreaker && [
          'const breaker = circuitBreaker(transient, {',
          `  halfOpenAfter: ${random.pick([5_000, 10_000, 30_000])},`,
          `  breaker: new ConsecutiveBreaker(${random.pick([5, 10])}),`,
          '});',
          '',
        ],
        `const policy = ${noBreaker ? 'wrap(retryPolicy)' : 'wrap(retryPolicy, breaker)'};`,
        '',
        'export async function withRetry<T>(name: string, operation: () => Promise<T>): Promise<T> {',
        '  return policy.execute(async ({ attempt }) => {',
        `    if (attempt > 0) ${logCall(plan.logger, 'debug', '`${name} attempt ${attempt}`')}`,
        '    return operation();',
        '  });',
        '}',
      );
      break;
    }
    case 'loop': {
      const endless = defects.seed('no-unbounded-retry', 0.05);
      // The endless loop also sleeps a constant delay.
      if (endless) defects.record('require-retry-backoff');
      const constant = !endless && defects.seed('require-retry-backoff', 0.12);
      text = endless
        ? lines(
            "import { isTransient, sleep } from '@acme/shared';",
            '',
            "import { logger } from '../logger.js';",
            '',
            'export async function withRetry<T>(name: string, operation: () => Promise<T>): Promise<T> {',
            '  while (true) {',
            '    try {',
            '      return await operation();',
            '    } catch (error) {',
            '      if (!isTransient(error)) throw error;',
            `      ${log('`${name} failed, retrying`', '{ err: String(error) }')}`,
            `      await sleep(${random.pick([500, 1000, 2000])});`,
            '    }',
            '  }',
            '}',
          )
        : lines(
            `import { ${constant ? '' : 'backoffDelay, '}isTransient, RETRY_ATTEMPTS, ${constant ? '' : 'RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS, '}sleep } from '@acme/shared';`,
            '',
            "import { logger } from '../logger.js';",
            '',
            'export async function withRetry<T>(name: string, operation: () => Promise<T>, attempts = RETRY_ATTEMPTS): Promise<T> {',
            '  let lastError: unknown;',
            '  for (let attempt = 1; attempt <= attempts; attempt++) {',
            '    try {',
            '      return await operation();',
            '    } catch (error) {',
            '      lastError = error;',
            '      if (!isTransient(error) || attempt === attempts) break;',
            `      ${log('`${name} failed, retrying`', '{ attempt, err: String(error) }')}`,
            constant
              ? `      await sleep(${random.pick([250, 500, 1000])});`
              : '      await sleep(backoffDelay(attempt, RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS));',
            '    }',
            '  }',
            '  throw lastError;',
            '}',
          );
      break;
    }
  }
  return { path: `${plan.directory}/src/retry/with-retry.ts`, text, patterns: defects.found };
}
