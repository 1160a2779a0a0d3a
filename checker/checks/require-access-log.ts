/**
 * require-access-log: an HTTP service (an express, fastify, koa or NestJS app made in it) with no access
 * log anywhere in the service, that is no line per request with its method, path, status and duration.
 * pino-http (and express-pino-logger, koa-pino-logger), morgan, express-winston, koa-logger, nestjs-pino's
 * LoggerModule, fastify made with `logger` on, and a hand-written middleware or interceptor that reads the
 * method, the status and a clock and writes a line all count. Reported once per service, at the first app it makes.
 */
import { ts } from 'ts-morph';

import { PLUGIN_NAME } from '../../rules/create-rule.js';
import { compareInventory, type Finding } from '../report/model.js';
import { checkDocsUrl, type CheckedFact, type FindingLocation, type ProjectCheck } from './check.js';

const NAME = 'require-access-log';
const ID = `${PLUGIN_NAME}/${NAME}`;
/** Apps made by tests, fixtures and test harnesses are not services. */
const TEST_CODE = /(?:^|\/)(?:__tests__|__fixtures__|__mocks__|tests?|e2e|fixtures|mocks|integration-tests)\/|\.(?:test|spec|e2e)\.[cm]?[jt]sx?$|test-utils|test-runner/;
const FRAMEWORK_NAMES: Readonly<Record<string, string>> = { express: 'express', fastify: 'fastify', koa: 'koa', nestjs: 'NestJS' };

export const requireAccessLog: ProjectCheck = {
  id: ID,
  description: 'Require an access log (method, path, status, duration) in every HTTP service',
  helpUrl: checkDocsUrl(NAME),
  defaultSeverity: 'warn',
  run(project, facts) {
    const servers = facts.filter((fact) => fact.kind === 'http-server' && !TEST_CODE.test(fact.file)).sort(compareInventory);
    const serving = new Set(servers.map((fact) => fact.service));
    const logs = facts.filter((fact) => fact.kind === 'access-log');
    // An access log in a package that makes no app of its own is shared middleware: it may be what every service mounts.
    if (logs.some((fact) => !serving.has(fact.service))) return [];
    const logged = new Set(logs.map((fact) => fact.service));
    const firstServer = new Map<string, CheckedFact>();
    for (const fact of servers) {
      if (!logged.has(fact.service) && !firstServer.has(fact.service)) firstServer.set(fact.service, fact);
    }
    const findings: Finding[] = [];
    for (const [service, server] of firstServer) {
      const framework = FRAMEWORK_NAMES[server.library] ?? server.library;
      const message = `The ${framework} app of service \`${service}\` writes no access log anywhere in the service: nobody can tell which requests it served, how slowly or with what status when something breaks; log one line per request with method, path, status and duration (pino-http, morgan('tiny'), fastify's \`logger: true\`, nestjs-pino's LoggerModule).`;
      const file = project.resolve(server.file);
      findings.push(project.createFinding(ID, file, locateCall(server), message));
    }
    return findings;
  },
};

/** The call or construction the app fact was recorded on, or that one point. */
function locateCall(fact: CheckedFact): ts.Node | FindingLocation {
  const node = fact.programNode;
  return node && (ts.isCallExpression(node) || ts.isNewExpression(node)) ? node : { line: fact.line, column: fact.column, endLine: fact.line, endColumn: fact.column };
}
