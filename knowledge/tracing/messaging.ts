/**
 * Messaging, as far as trace context goes: the consumer handlers a message's context arrives in, and the
 * producer calls whose message headers should carry it on.
 * Read from kafkajs 2.2.4 (types/index.d.ts), amqplib 2.3.1 (lib/channel_model.js) and bullmq 6.7.0
 * (dist/esm/classes/worker.d.ts) as installed.
 */
import type { ConsumerSpec, ProducerSpec } from './types.js';

export const kafkajsConsumer = {
  name: 'kafkajs',
  packages: ['kafkajs'],
  versionRead: '2.2.4',
  repository: 'https://github.com/tulios/kafkajs',
  /** `consumer.run({ eachMessage, eachBatch })`: the handlers, and where the message (and its headers) is in their payload. */
  handlers: { eachMessage: ['message', 'headers'], eachBatch: ['batch', 'messages'] },
  source: 'kafkajs@2.2.4 types/index.d.ts (`ConsumerRunConfig.eachMessage`, `EachMessagePayload.message`, `KafkaMessage.headers`)',
} as const satisfies ConsumerSpec;

export const amqplibConsumer = {
  name: 'amqplib',
  packages: ['amqplib', 'amqplib/callback_api', 'amqp-connection-manager'],
  versionRead: '2.3.1',
  repository: 'https://github.com/amqp-node/amqplib',
  /** `channel.consume(queue, onMessage, options?)`: the handler is the second argument; headers in `msg.properties.headers`. */
  handlers: { consume: { handlerArgument: 1, headersPath: ['properties', 'headers'] } },
  source: 'amqplib@2.3.1 lib/channel_model.js (`consume(queue, callback, options)`), lib/api_args.js (`headers` in message properties)',
} as const satisfies ConsumerSpec;

export const bullmqWorker = {
  name: 'bullmq',
  packages: ['bullmq'],
  versionRead: '6.7.0',
  repository: 'https://github.com/taskforcesh/bullmq',
  /** `new Worker(name, processor, options)`: the processor is the second argument and receives the job. */
  worker: { className: 'Worker', processorArgument: 1 },
  source: 'bullmq@6.7.0 dist/esm/classes/worker.d.ts (`constructor(name, processor?, opts?)`)',
} as const satisfies ConsumerSpec;

export const kafkajsProducer = {
  name: 'kafkajs',
  packages: ['kafkajs'],
  versionRead: '2.2.4',
  repository: 'https://github.com/tulios/kafkajs',
  // types/index.d.ts: `send(record: ProducerRecord)` with `messages: Message[]`, `Message.headers?: IHeaders`;
  // `sendBatch({ topicMessages: [{ topic, messages }] })`.
  calls: {
    send: { minimumArguments: 1, optionsArgument: 0, headersPath: ['messages', '[]', 'headers'] },
    sendBatch: { minimumArguments: 1, optionsArgument: 0, headersPath: ['topicMessages', '[]', 'messages', '[]', 'headers'] },
  },
  source: 'kafkajs@2.2.4 types/index.d.ts (`Producer.send`, `ProducerRecord.messages`, `Message.headers`)',
} as const satisfies ProducerSpec;

export const amqplibProducer = {
  name: 'amqplib',
  packages: ['amqplib', 'amqplib/callback_api', 'amqp-connection-manager'],
  versionRead: '2.3.1',
  repository: 'https://github.com/amqp-node/amqplib',
  // lib/channel_model.js: `publish(exchange, routingKey, content, options)`; `sendToQueue(queue, content, options)`
  // is `this.publish('', queue, content, options)`; lib/api_args.js reads `options.headers`.
  calls: {
    publish: { minimumArguments: 3, optionsArgument: 3, headersPath: ['headers'] },
    sendToQueue: { minimumArguments: 2, optionsArgument: 2, headersPath: ['headers'] },
  },
  source: 'amqplib@2.3.1 lib/channel_model.js (`publish`, `sendToQueue`), lib/api_args.js (`Args.publish`: `headers: options.headers`)',
} as const satisfies ProducerSpec;

export const PRODUCERS: readonly ProducerSpec[] = [kafkajsProducer, amqplibProducer];
