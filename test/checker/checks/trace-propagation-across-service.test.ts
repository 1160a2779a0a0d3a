/**
 * require-trace-propagation in policy-check: tracing started in one module of a service settles the
 * findings on the calls its instrumentations cover, in that service only; calls its instrumentations do
 * not cover, and trace ids minted fresh, stay reported.
 */
import { describe, expect, it } from 'vitest';

import { checkProject } from '../../../checker/index.js';
import { useScenarioProject } from './scenario-project.js';

const ID = 'service-policy/require-trace-propagation';

const handlers = [
  "import express from 'express';",
  "import axios from 'axios';",
  "import { randomUUID } from 'node:crypto';",
  'export const app = express();',
  "app.get('/orders/:id', async (req, res) => {",
  "  const { data } = await axios.get('http://orders:8080/orders/' + req.params.id, { timeout: 1000 });",
  "  const stock = await fetch('http://stock:8080/' + req.params.id, { signal: AbortSignal.timeout(1000) });",
  '  const traceId = randomUUID();',
  '  res.json({ data, stock: await stock.json(), traceId });',
  '});',
  '',
].join('\n');

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'platform', private: true, type: 'module' }),
  '.policy-checkrc.json': JSON.stringify({ rules: { 'require-trace-propagation': 'error', 'require-http-timeout': 'off' } }),
  // http instrumentation only: axios is covered, the global fetch (undici) is not.
  'services/api/src/tracing.ts': [
    "import { NodeSDK } from '@opentelemetry/sdk-node';",
    "import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';",
    "import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';",
    'export const sdk = new NodeSDK({ instrumentations: [new HttpInstrumentation(), new PgInstrumentation()] });',
    '',
  ].join('\n'),
  'services/api/src/routes.ts': handlers,
  // Auto-instrumentation through the zero-code register import: every call is covered.
  'services/web/src/instrument.ts': ["import '@opentelemetry/auto-instrumentations-node/register';", ''].join('\n'),
  'services/web/src/routes.ts': handlers,
  // No tracing in this service: the setups of the others do not count here.
  'services/legacy/src/routes.ts': handlers,
};

const project = useScenarioProject('policy-check-tracing-', files);

describe('require-trace-propagation across a service', () => {
  it('settles the calls a setup in the same service instruments, and nothing else', () => {
    const found = project.result().findings.filter((finding) => finding.ruleId === ID).map((finding) => `${finding.file}:${finding.line} ${finding.message.split(' ')[0]}`);
    expect(found).toEqual([
      'services/api/src/routes.ts:7 fetch',
      'services/api/src/routes.ts:8 `randomUUID()`',
      'services/legacy/src/routes.ts:6 axios',
      'services/legacy/src/routes.ts:7 fetch',
      'services/legacy/src/routes.ts:8 `randomUUID()`',
      'services/web/src/routes.ts:8 `randomUUID()`',
    ]);
  });

  it('lists the setups and whether each outbound call propagates', () => {
    const setups = project.result().inventory.filter((entry) => entry.kind === 'tracing-setup').map((entry) => `${entry.service} ${String(entry.properties.instruments)}`);
    expect(setups).toEqual(['api axios,got,node-fetch,node:http,superagent', 'web all']);
    const calls = project.result().inventory.filter((entry) => entry.kind === 'outbound-client' && entry.service === 'legacy').map((entry) => `${entry.library} ${String(entry.properties.propagates)}`);
    expect(calls).toEqual(['axios false', 'fetch false']);
  });

  it('settles nothing when the module that starts tracing is not among the checked paths', async () => {
    const withoutSetups = await checkProject({ root: project.root, paths: ['services/api/src/routes.ts'] });
    expect(withoutSetups.findings.filter((finding) => finding.ruleId === ID)).toHaveLength(3);
  });
});
