/**
 * amqplib redelivery: `channel.nack(message, allUpTo?, requeue?)` and `channel.reject(message, requeue?)`
 * put the message back on the queue unless `requeue` is false; the broker redelivers it at once. A
 * handler that always fails on a message (a poison message) nacks it forever unless it counts deliveries
 * (`redelivered`, an `x-death` or attempt header) or dead-letters it (`requeue: false` with a
 * `deadLetterExchange` on the queue).
 * Read from amqplib 2.3.1 as installed (lib/api_args.js, lib/channel_model.js).
 */
import type { OptionSpec } from '../types.js';

const VERSION = '2.3.1';

export const amqplibRedelivery = {
  packages: ['amqplib', 'amqplib/callback_api'],
  versionRead: VERSION,
  repository: 'https://github.com/amqp-node/amqplib',
  /** The methods that settle a message negatively, and where their `requeue` argument sits. */
  methods: { nack: { requeueArgument: 2 }, reject: { requeueArgument: 1 } },
  requeue: {
    unit: 'boolean',
    default: true,
    meaning: 'Whether a nacked or rejected message goes back on the queue (and is redelivered at once).',
    source: `amqplib@${VERSION} lib/api_args.js (\`Args.nack\`, \`Args.reject\`: \`requeue: requeue === undefined ? true : requeue\`)`,
  } satisfies OptionSpec<boolean>,
  /** Message fields and headers that count deliveries; a handler that reads one may bound the redelivery. */
  deliveryCounters: ['redelivered', 'x-death', 'x-delivery-count', 'x-retry-count', 'x-attempts', 'deliveryCount'],
} as const;
