/**
 * Log correlation set up outside the logger's code: an OpenTelemetry log instrumentation (or the
 * auto-instrumentations bundle) registered anywhere in the program, or dd-trace with `logInjection`; and,
 * in any run, those packages among the `dependencies` of the service's package.json. Either way the active
 * trace id is written into each pino, winston or bunyan record.
 */
import { LOG_CORRELATIONS } from '../../knowledge/logging/log-correlation.js';
import type { LogCorrelationSpec, LoggerLibraryName } from '../../knowledge/logging/types.js';
import { findProgramFiles, getProgram } from '../ast/find-program-files.js';
import { quotedNamesPattern } from '../ast/quoted-names.js';
import type { AnyContext } from './detectors/types.js';
import { readServiceDependencies } from './service-manifest.js';

const PACKAGES = LOG_CORRELATIONS.flatMap((spec) => spec.packages);
const IMPORTS = new RegExp(quotedNamesPattern(PACKAGES));
const DISABLED = /disableLogCorrelation\s*:\s*true/;
const DATADOG_INJECTION = /logInjection\s*:\s*true/;

const fromPrograms = new WeakMap<object, readonly LogCorrelationSpec[]>();

/** The log correlation that writes into records of `library`, if one is set up for the linted file's service. */
export function findLogCorrelation(context: AnyContext, library: LoggerLibraryName): LogCorrelationSpec | undefined {
  return [...findInProgram(context), ...findInManifest(context)].find((spec) => (spec.instruments as readonly string[]).includes(library));
}

function findInProgram(context: AnyContext): readonly LogCorrelationSpec[] {
  const program = getProgram(context);
  if (!program) return [];
  let found = fromPrograms.get(program);
  if (!found) {
    const texts = (findProgramFiles(context, IMPORTS) ?? []).map((file) => program.getSourceFile(file)?.text ?? '');
    found = LOG_CORRELATIONS.filter((spec) =>
      texts.some((text) => spec.packages.some((name) => text.includes(`'${name}'`) || text.includes(`"${name}"`)) && isEnabled(spec, text)),
    );
    fromPrograms.set(program, found);
  }
  return found;
}

function isEnabled(spec: LogCorrelationSpec, text: string): boolean {
  if (spec.packages.includes('dd-trace')) return DATADOG_INJECTION.test(text);
  return !DISABLED.test(text);
}

/** Packages in the `dependencies` of the service's package.json (dd-trace counts: its injection may be on by environment). */
function findInManifest(context: AnyContext): readonly LogCorrelationSpec[] {
  const dependencies = readServiceDependencies(context);
  if (!dependencies) return [];
  return LOG_CORRELATIONS.filter((spec) => spec.packages.some((name) => dependencies.has(name)));
}

