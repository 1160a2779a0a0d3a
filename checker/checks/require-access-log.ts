/**
 * require-access-log: an HTTP service (an express, fastify, koa or NestJS app made in it) with no access
 * log anywhere in the service, that is no line per request with its method, path, status and duration.
 * pino-http (and express-pino-logger, koa-pino-logger), morgan, express-winston, koa-logger, nestjs-pino's
 * LoggerModule, fastify made with `logger` on, and a hand-written middleware or interceptor that reads the
 * method, the status and a clock all count. Reported once per service, at the first app it makes.
 */
import { ts } from 'ts-morph';

import { PLUGIN_NAME } from '../../rules/create-rule.js';
import { compareInventory, type Finding, type InventoryEntry } from '../report/model.js';
import { checkDocsUrl, type CheckedProject, type FindingLocation, type ProjectCheck } from './check.js';

const NAME = 'require-access-log';
const ID = `${PLUGIN_NAME}/${NAME}`;
const FRAMEWORK_NAMES: Readonly<Record<string, string>> = { express: 'express', fastify: 'fastify', koa: 'koa', nestjs: 'NestJS' };

export const requireAccessLog: ProjectCheck = {
  id: ID,
  description: 'Require an access log (method, path, status, duration) in every HTTP service',
  helpUrl: checkDocsUrl(NAME),
  defaultSeverity: 'warn',
  run(project, facts) {
    const logged = new Set(facts.filter((fact) => fact.kind === 'access-log').map((fact) => fact.service));
    const firstServer = new Map<string, InventoryEntry>();
    for (const fact of [...facts].sort(compareInventory)) {
      if (fact.kind === 'http-server' && !logged.has(fact.service) && !firstServer.has(fact.service)) firstServer.set(fact.service, fact);
    }
    const findings: Finding[] = [];
    for (const [service, server] of firstServer) {
      const framework = FRAMEWORK_NAMES[server.library] ?? server.library;
      const message = `The ${framework} app of service \`${service}\` writes no access log anywhere in the service: nobody can tell which requests it served, how slowly or with what status when something breaks; log one line per request with method, path, status and duration (pino-http, morgan('tiny'), fastify's \`logger: true\`, nestjs-pino's LoggerModule).`;
      const file = project.resolve(server.file);
      findings.push(project.createFinding(ID, file, locateCall(project, file, server), message));
    }
    return findings;
  },
};

/** The call or construction that starts where the app fact was recorded, or that one point. */
function locateCall(project: CheckedProject, file: string, fact: InventoryEntry): ts.Node | FindingLocation {
  const point: FindingLocation = { line: fact.line, column: fact.column, endLine: fact.line, endColumn: fact.column };
  const sourceFile = project.program.getSourceFile(file);
  if (!sourceFile) return point;
  let position: number;
  try {
    position = sourceFile.getPositionOfLineAndCharacter(fact.line - 1, fact.column - 1);
  } catch {
    return point;
  }
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (position < node.getStart(sourceFile) || position >= node.getEnd()) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.getStart(sourceFile) === position) found ??= node;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found ?? point;
}
