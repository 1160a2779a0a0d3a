/**
 * bunyan: `createLogger(options)` / `new Logger(options)`, `log.child(fields)`.
 * Read from bunyan 2.0.5 as installed (lib/bunyan.js).
 */
import type { LoggerLibrarySpec } from './types.js';

export const bunyan = {
  name: 'bunyan',
  fix: { service: 'its `name`', trace: 'a `child({ traceId })` per request' },
  packages: ['bunyan'],
  versionRead: '2.0.5',
  repository: 'https://github.com/trentm/node-bunyan',
  factories: [
    { paths: [['createLogger'], ['default', 'createLogger']], construct: false, optionsArgument: 0 },
    // lib/bunyan.js: `module.exports = Logger`, so `new bunyan(options)` makes one too.
    { paths: [[], ['default']], construct: true, optionsArgument: 0 },
  ],
  alwaysFields: ['v', 'level', 'time', 'msg', 'hostname', 'pid'],
  fieldOptions: {
    name: {
      role: 'field',
      unit: 'object',
      default: undefined,
      meaning: 'Required; written as the `name` field of every record (the service name by convention).',
      source: 'bunyan@2.0.5 lib/bunyan.js `Logger` (`options.name (string) is required`; every option becomes a field)',
    },
  },
  // lib/bunyan.js `Logger`: `var fields = objCopy(options); delete fields.stream; … level; streams; serializers; src`.
  nonFieldOptions: ['stream', 'streams', 'level', 'serializers', 'src'],
  child: { method: 'child', bindingsArgument: 0, source: 'bunyan@2.0.5 lib/bunyan.js `Logger.prototype.child(options, simple)` (its option keys become fields)' },
  logMethods: ['trace', 'debug', 'info', 'warn', 'error', 'fatal'],
  recordShape: 'object-first',
  source: 'bunyan@2.0.5 lib/bunyan.js (`mkLogEmitter`: an object first argument is merged into the record)',
} as const satisfies LoggerLibrarySpec;
