import path from 'node:path';

import picomatch from 'picomatch';

import { structuredLoggerPackages } from '../knowledge/logging/console.js';
import { LOGGER_LIBRARIES } from '../knowledge/logging/index.js';
import { createRule, getPolicy, recordFixLocation } from './create-rule.js';
import { toDisplayPath } from './ast/display-path.js';
import { collectLogCalls } from './logging/collect.js';
import type { AnyRuleContext as AnyContext } from './family/create-collector.js';
import { createFieldSet, findMissingFields, unionFields } from './logging/fields.js';
import type { LogCall, Logger } from './logging/model.js';
import { readServiceDependencies } from './logging/service-manifest.js';

type Options = [
  {
    requiredFields?: string[];
    fieldAliases?: Record<string, string[]>;
    allowConsole?: boolean;
    allowConsoleIn?: string[];
    checkConsoleWithoutLogger?: boolean;
  },
];
type MessageIds = 'missingFields' | 'unstructuredConsole';

/**
 * Where a console line is the program's output, not a service's log: scripts, CLIs, migrations, seed data,
 * configs. Test code is out of every rule's scope already (the policy's `tests` patterns).
 */
export const CONSOLE_ALLOWED_IN = [
  '**/scripts/**',
  '**/bin/**',
  '**/cli/**',
  '**/migrations/**',
  '**/*migration*.*',
  '**/{seed,seeds,seeders}/**',
  '**/*.seed.*',
  '**/*.config.*',
];

export default createRule<Options, MessageIds>({
  name: 'require-log-fields',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the trace id and service name in every log record',
      recommended: true,
      usesTypeInformation: true,
    },
    messages: {
      missingFields:
        'Log line with no {{fields}}: {{logger}} does not bind {{them}}, so this line cannot be joined to its request across services; bind {{them}} where the logger is made ({{fix}}) or add {{them}} to this record.',
      unstructuredConsole:
        'console.{{method}} writes an unstructured line with no {{fields}}, so it cannot be joined to its request across services; log through the service\'s structured logger instead.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requiredFields: {
            type: 'array',
            items: { type: 'string' },
            description: 'Fields every log record must carry; defaults to the policy file\'s `logging.requiredFields` (`traceId`, `service`).',
          },
          fieldAliases: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
            description: 'Other names that count as a required field (`trace_id` for `traceId`); merged over the policy file\'s `logging.fieldAliases`.',
          },
          allowConsole: {
            type: 'boolean',
            description: 'Do not report console calls at all (a service that logs through console on purpose).',
          },
          allowConsoleIn: {
            type: 'array',
            items: { type: 'string' },
            description: 'Globs (relative to the working directory) of files whose console output is a program\'s own output, not a service log: scripts, CLIs, migrations.',
          },
          checkConsoleWithoutLogger: {
            type: 'boolean',
            description: 'Report console also in packages whose package.json depends on no logging library (there console is the only logger).',
          },
        },
      },
    ],
    defaultOptions: [{ allowConsole: false, allowConsoleIn: CONSOLE_ALLOWED_IN, checkConsoleWithoutLogger: false }],
  },
  defaultOptions: [{ allowConsole: false, allowConsoleIn: CONSOLE_ALLOWED_IN, checkConsoleWithoutLogger: false }],
  optionsFromPolicy: (policy) => [{ requiredFields: [...policy.logging.requiredFields] }],
  create(context, [options]) {
    const required = options.requiredFields ?? [];
    // Aliases add up: the policy's (with its defaults), then the rule's own.
    const aliases = { ...getPolicy(context).logging.fieldAliases, ...options.fieldAliases };
    // Asked only of a file with a console call: most files have none.
    let consoleAllowed: boolean | undefined;
    const isConsoleAllowed = (): boolean =>
      (consoleAllowed ??=
        options.allowConsole === true ||
        isConsoleAllowedFile(context, options.allowConsoleIn ?? CONSOLE_ALLOWED_IN) ||
        (options.checkConsoleWithoutLogger !== true && hasNoLoggerDependency(context)));
    return {
      'Program:exit'() {
        for (const call of collectLogCalls(context)) {
          const problem = getProblem(context, call, required, aliases, isConsoleAllowed);
          if (!problem) continue;
          context.report({ node: call.node, messageId: problem.messageId, data: problem.data });
          if (call.logger) recordFixLocation(context, call.node, 'require-log-fields', describeFixLocation(call.logger));
        }
      },
    };
  },
});

interface Problem {
  readonly messageId: MessageIds;
  readonly data: Record<string, string>;
}

function getProblem(
  context: AnyContext,
  call: LogCall,
  required: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>>,
  isConsoleAllowed: () => boolean,
): Problem | undefined {
  // A line at the top level of a module runs once at start-up, with no request to be joined to.
  const traceFields = findTraceFields(required, aliases);
  const needed = call.atModuleScope ? required.filter((field) => !traceFields.includes(field)) : required;
  if (needed.length === 0) return undefined;
  if (!call.logger) return isConsoleAllowed() ? undefined : { messageId: 'unstructuredConsole', data: { method: call.method, fields: joinFields(needed) } };
  const logger = call.logger;
  const present = unionFields(logger.fields, call.record, createFieldSet(logger.traceIdFrom ? traceFields : []));
  const missing = findMissingFields(present, needed, aliases);
  if (missing.length === 0) return undefined;
  return {
    messageId: 'missingFields',
    data: {
      fields: joinFields(missing),
      them: missing.length === 1 ? 'it' : 'them',
      logger: describeLogger(context, logger, call.receiver),
      fix: describeFix(logger, missing, aliases),
    },
  };
}

/** What to set where the logger is made, for the fields that are missing. */
function describeFix(logger: Logger, missing: readonly string[], aliases: Readonly<Record<string, readonly string[]>>): string {
  const fixes = LOGGER_LIBRARIES.find((spec) => spec.name === logger.root.library)?.fix;
  const traceFields = findTraceFields(missing, aliases);
  const serviceFields = missing.filter((field) => !traceFields.includes(field) && [field, ...(aliases[field] ?? [])].some((name) => /service/i.test(name)));
  const hints = new Set<string>();
  if (fixes && traceFields.length > 0) hints.add(fixes.trace);
  if (fixes && serviceFields.length > 0) hints.add(fixes.service);
  if (!fixes || traceFields.length + serviceFields.length < missing.length) hints.add('in its options');
  return [...hints].join(' and ');
}

/** The required fields that are a trace id (by name or alias): a field that carries the incoming trace id counts for them. */
function findTraceFields(required: readonly string[], aliases: Readonly<Record<string, readonly string[]>>): string[] {
  return required.filter((field) => [field, ...(aliases[field] ?? [])].some((name) => /trace.?id/i.test(name)));
}

/** "the pino logger `logger` made at src/logger.ts:4", or "`log`, a child of …" */
function describeLogger(context: AnyContext, logger: Logger, receiver: string): string {
  const where = describePlace(context, logger.root.madeAt.file, logger.root.madeAt.line);
  const root = `the ${logger.root.library} logger \`${logger.root.name}\` made ${where}`;
  const isRoot = logger.madeAt.file === logger.root.madeAt.file && logger.madeAt.line === logger.root.madeAt.line && logger.name === logger.root.name;
  if (isRoot && receiver === logger.name) return root;
  return `\`${receiver}\` (${logger.isChild ? 'a child of ' : 'writing through '}${root})`;
}

function describePlace(context: AnyContext, file: string, line: number): string {
  return file === context.filename ? `on line ${line}` : `at ${toDisplayPath(context, file)}:${line}`;
}

function describeFixLocation(logger: Logger): { label: string; file: string; line: number } {
  return { label: `${logger.root.library} logger \`${logger.root.name}\``, file: logger.root.madeAt.file, line: logger.root.madeAt.line };
}

function joinFields(fields: readonly string[]): string {
  const quoted = fields.map((field) => `\`${field}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** The file's package.json is found and depends on no logging library: console is the service's logger there. */
function hasNoLoggerDependency(context: AnyContext): boolean {
  const dependencies = readServiceDependencies(context);
  return dependencies !== undefined && !structuredLoggerPackages.some((name) => dependencies.has(name));
}

const matchers = new Map<string, (file: string) => boolean>();

/** Scripts, CLIs (a `#!` line), migrations, browser components (.jsx/.tsx) and files matching `globs`. */
function isConsoleAllowedFile(context: AnyContext, globs: readonly string[]): boolean {
  if (context.sourceCode.text.startsWith('#!')) return true;
  if (/\.[jt]sx$/.test(context.filename)) return true;
  const key = globs.join('\n');
  let matcher = matchers.get(key);
  if (!matcher) matchers.set(key, (matcher = picomatch([...globs], { dot: true })));
  const relative = path.isAbsolute(context.filename) ? path.relative(context.cwd, context.filename).split(path.sep).join('/') : context.filename;
  return matcher(relative);
}
