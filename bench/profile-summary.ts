/**
 * Reads a V8 CPU profile (`node --cpu-prof`, or `npm run bench -- --profile`) and names where the time
 * went: self time per function, and inclusive time per source file under a folder (by default the
 * plugin's rules and the checker), so a slow rule is named with the function that makes it slow.
 *
 *   node dist/bench/profile-summary.js bench/.cache/profiles/2000-eslint-ours-1.cpuprofile [--under dist/rules] [--top 20]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { isMainModule } from './paths.js';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  /** Microseconds since the previous sample. */
  readonly timeDeltas: readonly number[];
}

export interface ProfileEntry {
  readonly name: string;
  readonly milliseconds: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Functions by self time. */
  readonly functions: readonly ProfileEntry[];
  /** Functions under the folders, by inclusive time (time with the function anywhere on the stack). */
  readonly functionsUnder: readonly ProfileEntry[];
  /** Files under the folders, by inclusive time. */
  readonly filesUnder: readonly ProfileEntry[];
}

export function summarizeProfile(profile: CpuProfile, folders: readonly string[], top: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const describe = (frame: CallFrame): string => `${frame.functionName || '(anonymous)'} ${shortenUrl(frame.url)}:${frame.lineNumber + 1}`;
  const isUnder = (url: string): boolean => folders.some((folder) => url.includes(folder));

  const self = new Map<string, number>();
  const inclusiveFunctions = new Map<string, number>();
  const inclusiveFiles = new Map<string, number>();
  let totalMicroseconds = 0;
  for (const [index, sampleId] of profile.samples.entries()) {
    const delta = profile.timeDeltas[index] ?? 0;
    totalMicroseconds += delta;
    const leaf = byId.get(sampleId);
    if (!leaf) continue;
    const selfName = describe(leaf.callFrame);
    self.set(selfName, (self.get(selfName) ?? 0) + delta);
    const seenFunctions = new Set<string>();
    const seenFiles = new Set<string>();
    for (let id: number | undefined = sampleId; id !== undefined; id = parentOf.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame || !isUnder(frame.url)) continue;
      seenFunctions.add(describe(frame));
      seenFiles.add(shortenUrl(frame.url));
    }
    for (const name of seenFunctions) inclusiveFunctions.set(name, (inclusiveFunctions.get(name) ?? 0) + delta);
    for (const name of seenFiles) inclusiveFiles.set(name, (inclusiveFiles.get(name) ?? 0) + delta);
  }
  const rank = (entries: Map<string, number>): ProfileEntry[] =>
    [...entries]
      .filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(program)'))
      .sort(([leftName, left], [rightName, right]) => right - left || (leftName < rightName ? -1 : 1))
      .slice(0, top)
      .map(([name, microseconds]) => ({ name, milliseconds: Math.round(microseconds / 100) / 10, share: totalMicroseconds > 0 ? microseconds / totalMicroseconds : 0 }));
  return {
    totalMs: Math.round(totalMicroseconds / 1000),
    functions: rank(self),
    functionsUnder: rank(inclusiveFunctions),
    filesUnder: rank(inclusiveFiles),
  };
}

function shortenUrl(url: string): string {
  const marker = url.lastIndexOf('/node_modules/');
  if (marker !== -1) return url.slice(marker + '/node_modules/'.length);
  const dist = url.indexOf('/dist/');
  return dist !== -1 ? url.slice(dist + 1) : url.replace(/^file:\/\//, '');
}

function formatEntries(title: string, entries: readonly ProfileEntry[]): string[] {
  return [title, ...entries.map((entry) => `${entry.milliseconds.toFixed(1).padStart(9)} ms ${(entry.share * 100).toFixed(1).padStart(5)} %  ${entry.name}`), ''];
}

if (isMainModule(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      under: { type: 'string', multiple: true, default: ['/dist/rules/', '/dist/checker/'] },
      top: { type: 'string', default: '20' },
    },
  });
  for (const file of positionals) {
    const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, values.under, Number(values.top));
    console.log(
      [
        `${file}: ${summary.totalMs} ms sampled`,
        '',
        ...formatEntries('Self time, all functions:', summary.functions),
        ...formatEntries(`Inclusive time, files under ${values.under.join(', ')}:`, summary.filesUnder),
        ...formatEntries(`Inclusive time, functions under ${values.under.join(', ')}:`, summary.functionsUnder),
      ].join('\n'),
    );
  }
}
