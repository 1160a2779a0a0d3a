/** Producers and consumers of an entity's change events, on the broker the service picked. */
import type { Random } from '../random.js';
import type { EntityPlan, GeneratedFile, ServicePlan } from '../model.js';
import { Defects, lines, logCall } from '../model.js';

function topicOf(plan: ServicePlan, entity: EntityPlan): string {
  return `TOPICS.${plan.name.camel}${entity.name.pascal}Changed`;
}

export function renderProducer(plan: ServicePlan, entity: EntityPlan, random: Random): GeneratedFile {
  const defects = new Defects(random, plan.defectDensity);
  const { pascal, camel, kebab } = entity.name;
  const topic = topicOf(plan, entity);
  const eventImport = `import type { ${pascal}Event } from '../domain/${kebab}.js';`;
  let text: string;
  switch (plan.broker) {
    case 'kafkajs': {
      const noKey = defects.seed('require-message-key', 0.08);
      text = lines(
        "import { CompressionTypes, Kafka, type Producer } from 'kafkajs';",
        '',
        `import { TOPICS, traceHeaders, type TraceContext } from '@acme/shared';`,
        '',
        "import { config } from '../config.js';",
        eventImport,
        '',
        `export class ${pascal}Producer {`,
        '  private readonly producer: Producer;',
        '',
        '  constructor() {',
        `    const kafka = new Kafka({ clientId: \`\${config.serviceName}-${kebab}-producer\`, brokers: [...config.kafkaBrokers] });`,
        '    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });',
        '  }',
        '',
        '  async connect(): Promise<void> {',
        '    await this.producer.connect();',
        '  }',
        '',
        `  async publish(event: ${pascal}Event, trace: TraceContext): Promise<void> {`,
        '    await this.producer.send({',
        `      topic: ${topic},`,
        '      acks: -1,',
        '      compression: CompressionTypes.GZIP,',
        '      messages: [',
        '        {',
        !noKey && '          key: event.id,',
        '          value: JSON.stringify(event),',
        `          headers: { ...traceHeaders(trace), 'event-type': event.type },`,
        '        },',
        '      ],',
        '    });',
        '  }',
        '',
        '  async disconnect(): Promise<void> {',
        '    await this.producer.disconnect();',
        '  }',
        '}',
      );
      break;
    }
    case 'amqplib':
      text = lines(
        "import amqp, { type Channel, type ChannelModel } from 'amqplib';",
        '',
        `import { TOPICS, traceHeaders, type TraceContext } from '@acme/shared';`,
        '',
        "import { config } from '../config.js';",
        eventImport,
        '',
        `export class ${pascal}Producer {`,
        '  private connection: ChannelModel | undefined;',
        '  private channel: Channel | undefined;',
        '',
        '  async connect(): Promise<void> {',
        '    this.connection = await amqp.connect(config.amqpUrl);',
        '    this.channel = await this.connection.createChannel();',
        `    await this.channel.assertExchange(${topic}, 'topic', { durable: true });`,
        '  }',
        '',
        `  async publish(event: ${pascal}Event, trace: TraceContext): Promise<void> {`,
        `    if (!this.channel) throw new Error('${camel} producer is not connected');`,
        `    this.channel.publish(${topic}, event.type, Buffer.from(JSON.stringify(event)), {`,
        '      persistent: true,',
        '      messageId: `${event.id}:${event.version}`,',
        "      contentType: 'application/json',",
        '      headers: traceHeaders(trace),',
        '    });',
        '  }',
        '',
        '  async disconnect(): Promise<void> {',
        '    await this.channel?.close();',
        '    await this.connection?.close();',
        '  }',
        '}',
      );
      break;
    case 'bullmq': {
      const manyAttempts = defects.seed('no-unbounded-retry', 0.03);
      text = lines(
        "import { Queue } from 'bullmq';",
        '',
        `import { ORDERED_QUEUE_SUFFIX, TOPICS, traceHeaders, type TraceContext } from '@acme/shared';`,
        '',
        "import { config } from '../config.js';",
        eventImport,
        '',
        `export class ${pascal}Producer {`,
        `  private readonly queue = new Queue(\`\${${topic}}\${ORDERED_QUEUE_SUFFIX}\`, {`,
        '    connection: { host: config.redisHost, port: config.redisPort },',
        '  });',
        '',
        '  async connect(): Promise<void> {',
        '    await this.queue.waitUntilReady();',
        '  }',
        '',
        `  async publish(event: ${pascal}Event, trace: TraceContext): Promise<void> {`,
        '    await this.queue.add(event.type, { event, trace: traceHeaders(trace) }, {',
        '      jobId: `${event.id}:${event.version}`,',
        manyAttempts ? '      attempts: Number.MAX_SAFE_INTEGER,' : `      attempts: ${random.pick([3, 5, 8])},`,
        `      backoff: { type: 'exponential', delay: ${random.pick([500, 1000, 2000])}, jitter: 0.5 },`,
        '      removeOnComplete: 1000,',
        '    });',
        '  }',
        '',
        '  async disconnect(): Promise<void> {',
        '    await this.queue.close();',
        '  }',
        '}',
      );
      break;
    }
  }
  return { path: `${plan.directory}/src/events/${kebab}-producer.ts`, text, patterns: defects.found };
}

export function renderConsumer(plan: ServicePlan, entity: EntityPlan, random: Random): GeneratedFile {
  const defects = new Defects(random, plan.defectDensity);
  const { pascal, kebab } = entity.name;
  const topic = topicOf(plan, entity);
  const imports = [
    "import { config } from '../config.js';",
    "import { requestContext } from '../context.js';",
    `import type { ${pascal}Event } from '../domain/${kebab}.js';`,
    "import { logger } from '../logger.js';",
    `import type { ${pascal}Service } from '../services/${kebab}-service.js';`,
  ];
  const applied = (indent: string, meta: string): string =>
    `${indent}${logCall(plan.logger, 'debug', `'${kebab} event handled'`, `{ ${meta}, type: event.type, applied }`)}`;
  let text: string;
  switch (plan.broker) {
    case 'kafkajs': {
      const parallelBatch = defects.seed('no-parallel-ordered-consume', 0.06);
      const freshTrace = !parallelBatch && defects.seed('require-trace-propagation', 0.04);
      text = lines(
        "import { Kafka } from 'kafkajs';",
        '',
        `import { ${freshTrace ? 'newTraceContext' : 'traceFromHeaders'}, TOPICS } from '@acme/shared';`,
        '',
        imports,
        '',
        `export async function start${pascal}Consumer(service: ${pascal}Service): Promise<void> {`,
        `  const kafka = new Kafka({ clientId: \`\${config.serviceName}-${kebab}-consumer\`, brokers: [...config.kafkaBrokers] });`,
        `  const consumer = kafka.consumer({ groupId: \`\${config.serviceName}.${kebab}\`, sessionTimeout: 30_000 });`,
        '  await consumer.connect();',
        `  await consumer.subscribe({ topics: [${topic}], fromBeginning: false });`,
        parallelBatch
          ? [
              '  await consumer.run({',
              '    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {',
              '      await Promise.all(',
              '        batch.messages.map(async (message) => {',
              '          if (!message.value) return;',
              `          const event = JSON.parse(message.value.toString()) as ${pascal}Event;`,
              '          const applied = await service.applyEvent(event);',
              applied('          ', 'offset: message.offset'),
              '          resolveOffset(message.offset);',
              '        }),',
              '      );',
              '      await heartbeat();',
              '    },',
              '  });',
            ]
          : [
              '  await consumer.run({',
              '    eachMessage: async ({ message, partition }) => {',
              '      if (!message.value) return;',
              `      const event = JSON.parse(message.value.toString()) as ${pascal}Event;`,
              `      await requestContext.run(${freshTrace ? 'newTraceContext()' : 'traceFromHeaders(message.headers)'}, async () => {`,
              '        const applied = await service.applyEvent(event);',
              applied('        ', 'partition, offset: message.offset'),
              '      });',
              '    },',
              '  });',
            ],
        '}',
      );
      break;
    }
    case 'amqplib': {
      const prefetch = defects.seed('no-parallel-ordered-consume', 0.06) ? random.pick([10, 20, 50]) : 1;
      const requeue = defects.seed('no-unbounded-retry', 0.05);
      const freshTrace = defects.seed('require-trace-propagation', 0.04);
      text = lines(
        "import amqp from 'amqplib';",
        '',
        `import { ${freshTrace ? 'newTraceContext' : 'traceFromHeaders'}, ORDERED_QUEUE_SUFFIX, TOPICS } from '@acme/shared';`,
        '',
        imports,
        '',
        `export async function start${pascal}Consumer(service: ${pascal}Service): Promise<void> {`,
        '  const connection = await amqp.connect(config.amqpUrl);',
        '  const channel = await connection.createChannel();',
        `  const queue = \`\${config.serviceName}.${kebab}\${ORDERED_QUEUE_SUFFIX}\`;`,
        // Requeued forever: no dead-letter exchange to end the redelivery.
        requeue ? '  await channel.assertQueue(queue, { durable: true });' : `  await channel.assertQueue(queue, { durable: true, deadLetterExchange: \`\${queue}.dead\` });`,
        `  await channel.bindQueue(queue, ${topic}, '#');`,
        `  await channel.prefetch(${prefetch});`,
        '  await channel.consume(queue, async (message) => {',
        '    if (!message) return;',
        `    const event = JSON.parse(message.content.toString()) as ${pascal}Event;`,
        '    try {',
        `      const trace = ${freshTrace ? 'newTraceContext()' : 'traceFromHeaders(message.properties.headers)'};`,
        '      const applied = await requestContext.run(trace, () => service.applyEvent(event));',
        applied('      ', 'deliveryTag: message.fields.deliveryTag'),
        '      channel.ack(message);',
        '    } catch (error) {',
        `      ${logCall(plan.logger, 'error', `'${kebab} event failed'`, '{ err: String(error) }')}`,
        requeue ? '      channel.nack(message);' : '      channel.nack(message, false, false);',
        '    }',
        '  });',
        '}',
      );
      break;
    }
    case 'bullmq': {
      const concurrency = defects.seed('no-parallel-ordered-consume', 0.06) ? random.pick([4, 8, 16]) : 1;
      const freshTrace = defects.seed('require-trace-propagation', 0.04);
      text = lines(
        "import { Worker, type Job } from 'bullmq';",
        '',
        `import { ${freshTrace ? 'newTraceContext' : 'traceFromHeaders'}, ORDERED_QUEUE_SUFFIX, TOPICS } from '@acme/shared';`,
        '',
        imports,
        '',
        `interface ${pascal}Job {`,
        `  readonly event: ${pascal}Event;`,
        '  readonly trace: Record<string, string>;',
        '}',
        '',
        `export async function start${pascal}Consumer(service: ${pascal}Service): Promise<void> {`,
        '  const worker = new Worker(',
        `    \`\${${topic}}\${ORDERED_QUEUE_SUFFIX}\`,`,
        `    async (job: Job<${pascal}Job>) => {`,
        '      const { event, trace } = job.data;',
        `      const applied = await requestContext.run(${freshTrace ? 'newTraceContext()' : 'traceFromHeaders(trace)'}, () => service.applyEvent(event));`,
        applied('      ', 'jobId: job.id'),
        '    },',
        `    { connection: { host: config.redisHost, port: config.redisPort }, concurrency: ${concurrency} },`,
        '  );',
        "  worker.on('failed', (job, error) => {",
        `    ${logCall(plan.logger, 'error', `'${kebab} job failed'`, '{ jobId: job?.id, err: error.message }')}`,
        '  });',
        '  await worker.waitUntilReady();',
        '}',
      );
      break;
    }
  }
  return { path: `${plan.directory}/src/events/${kebab}-consumer.ts`, text, patterns: defects.found };
}
