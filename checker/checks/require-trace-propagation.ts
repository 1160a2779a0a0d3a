/**
 * require-trace-propagation across the service: tracing set up anywhere in a service (an OpenTelemetry
 * NodeSDK or registerInstrumentations with the instrumentations it lists, the zero-code register import,
 * dd-trace) injects the trace context into every outbound call of the libraries it instruments, so the
 * rule's findings on those calls, in that service, are settled. A call whose library no setup in the
 * service instruments (the global fetch under an http-only setup) stays reported, and so does a trace id
 * minted fresh: instrumentation does not carry an id the code makes itself.
 */
import { PLUGIN_NAME, ruleDocsUrl } from '../../rules/create-rule.js';
import type { Finding, InventoryEntry } from '../report/model.js';
import type { ProjectCheck } from './check.js';

const NAME = 'require-trace-propagation';
const ID = `${PLUGIN_NAME}/${NAME}`;

export const requireTracePropagation: ProjectCheck = {
  id: ID,
  description: 'Require outbound calls made while handling a request or message to forward its trace context',
  helpUrl: ruleDocsUrl(NAME),
  defaultSeverity: 'off',
  run() {
    return [];
  },
  settle(_project, facts, findings) {
    const coverage = findCoverage(facts);
    const settled = new Set<Finding>();
    if (coverage.size === 0) return settled;
    const calls = new Map<string, InventoryEntry>();
    for (const fact of facts) if (fact.kind === 'outbound-client' && fact.properties.handler !== null) calls.set(locationKey(fact.file, fact.line, fact.column), fact);
    for (const finding of findings) {
      if (finding.ruleId !== ID) continue;
      const call = calls.get(locationKey(finding.file, finding.line, finding.column));
      const covered = call ? coverage.get(call.service) : undefined;
      if (call && covered && (covered === 'all' || covered.has(call.library))) settled.add(finding);
    }
    return settled;
  },
};

/** Per service, the outbound libraries its tracing setups instrument ('all' for auto-instrumentation). */
function findCoverage(facts: readonly InventoryEntry[]): Map<string, Set<string> | 'all'> {
  const coverage = new Map<string, Set<string> | 'all'>();
  for (const fact of facts) {
    if (fact.kind !== 'tracing-setup') continue;
    const instruments = String(fact.properties.instruments ?? '');
    const current = coverage.get(fact.service);
    if (instruments === 'all' || current === 'all') {
      coverage.set(fact.service, 'all');
      continue;
    }
    const libraries = current ?? new Set<string>();
    for (const library of instruments.split(',').filter(Boolean)) libraries.add(library);
    coverage.set(fact.service, libraries);
  }
  return coverage;
}

function locationKey(file: string, line: number, column: number): string {
  return `${file}\0${line}\0${column}`;
}
