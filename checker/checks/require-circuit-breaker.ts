/**
 * require-circuit-breaker: a client or a call that retries an external dependency with no circuit breaker
 * anywhere on its path. Retries alone keep hammering a sick dependency; a breaker stops calling it for a
 * while so it can recover. Precise by design: a retry is reported only when no breaker in the project
 * covers it, that is, none is in the retrying module, none wraps a function that calls the retrying client
 * or contains the retry, and the retried operation visibly calls out of the process (an HTTP client, fetch,
 * node:http). A retry that runs only while the process starts (a request made once while the app is built)
 * is not reported: a breaker needs repeated calls to open.
 */
import { ts } from 'ts-morph';

import {
  BUILT_IN_BREAKERS,
  CLIENT_RETRY_LIBRARIES,
  DEFAULT_RETRY_CLIENTS,
  DEFAULT_RETRY_INSTANCE_FACTORIES,
  HTTP_CLIENT_GLOBALS,
  HTTP_CLIENT_PACKAGES,
  OPERATION_RETRY_LIBRARIES,
  RETRY_RUN_METHODS,
} from '../../knowledge/retry/circuit-breakers.js';
import type { Specifier } from '../../knowledge/types.js';
import { isTestFile } from '../../policy/test-files.js';
import { PLUGIN_NAME } from '../../rules/create-rule.js';
import type { RetryPolicyFact } from '../../rules/inventory/facts.js';
import { describeCallee, findCreationOf, type CalleePath, type Creation } from '../../rules/typed/find-creation.js';
import { followCallOf, listCalls } from '../../rules/typed/follow-call.js';
import type { Finding } from '../report/model.js';
import { checkDocsUrl, type CheckedFact, type CheckedProject, type ProjectCheck } from './check.js';
import { StartUpCalls } from './start-up.js';

const NAME = 'require-circuit-breaker';
const ID = `${PLUGIN_NAME}/${NAME}`;

/** A retry the rules recorded, at its call in the program. */
type RetryCall = { readonly fact: RetryPolicyFact; readonly call: ts.CallExpression | ts.NewExpression };

/** A function a wrapper retries, and the call that runs the retry (`pRetry(fn)`, `policy.execute(fn)`). */
type RetriedOperation = { readonly operation: ts.Expression; readonly run: ts.CallExpression | ts.NewExpression };

interface Coverage {
  /** Modules that build a breaker, or declare a function a breaker wraps. */
  readonly modules: ReadonlySet<string>;
  /** Creations (the `axios.create(…)` calls) of clients called inside a breaker. */
  readonly clients: ReadonlySet<ts.Node>;
  /** Creations of the breakers themselves, so a retry around `breaker.fire()` is covered. */
  readonly breakers: ReadonlySet<ts.Node>;
}

export const requireCircuitBreaker: ProjectCheck = {
  id: ID,
  description: 'Require a circuit breaker around every client or call that retries an external dependency',
  helpUrl: checkDocsUrl(NAME),
  defaultSeverity: 'warn',
  run(project, facts) {
    const retries = facts.flatMap(toRetryCall);
    if (retries.length === 0) return [];
    const checker = project.program.getTypeChecker();
    const breakers = [...BUILT_IN_BREAKERS, ...project.policy.libraries.circuitBreakers];
    const coverage = findCoverage(project, checker, breakers);
    const startUp = new StartUpCalls(project, findServers(project, facts));
    const findings: Finding[] = [];
    for (const { fact, call } of retries) {
      const file = call.getSourceFile().fileName;
      if (coverage.modules.has(file)) continue;
      const message = CLIENT_RETRY_LIBRARIES.has(fact.library) ? describeClientRetry(checker, call, fact, coverage) : describeWrapperRetry(checker, call, fact, coverage);
      if (!message || startUp.runOnlyAtStartUp(findRetryRuns(checker, call, fact))) continue;
      findings.push(project.createFinding(ID, file, call, message));
    }
    return findings;
  },
};

/** A client's or a wrapper's retry, with the call the rule recorded it on. */
function toRetryCall(fact: CheckedFact): RetryCall[] {
  if (fact.kind !== 'retry-policy' || !(CLIENT_RETRY_LIBRARIES.has(fact.library) || OPERATION_RETRY_LIBRARIES.has(fact.library))) return [];
  if (isRetryLeftToCaller(fact)) return [];
  const call = fact.programNode;
  return call && (ts.isCallExpression(call) || ts.isNewExpression(call)) ? [{ fact, call }] : [];
}

/**
 * got or ky with neither a limit nor a method the rules could read: the request's options come from its
 * caller (`ky(url, { ...options })`), who decides whether it retries at all (a POST is never retried).
 */
function isRetryLeftToCaller(fact: RetryPolicyFact): boolean {
  return DEFAULT_RETRY_CLIENTS.has(fact.library) && fact.properties.bound === 'unknown' && fact.properties.methods === 'unknown';
}

function describeClientRetry(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, fact: RetryPolicyFact, coverage: Coverage): string | undefined {
  const client = call.arguments?.[0];
  const creation = client ? findCreationOf(checker, client) : undefined;
  if (creation && coverage.clients.has(creation.node)) return undefined;
  // got's and ky's retry is recorded on the request or the instance it makes, whose first argument is a URL or options.
  const name = client && ts.isIdentifier(client) && !DEFAULT_RETRY_CLIENTS.has(fact.library) ? `the client \`${client.text}\`` : 'this client';
  return `${fact.library} retries ${name} with no circuit breaker on its path: when the dependency is down, every caller keeps retrying it and it never gets room to recover; call it through a breaker (opossum \`new CircuitBreaker(fn)\`, cockatiel \`wrap(retry, circuitBreaker(…))\`).`;
}

function describeWrapperRetry(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, fact: RetryPolicyFact, coverage: Coverage): string | undefined {
  for (const { operation } of findOperations(checker, call)) {
    const target = followCallOf(checker, operation);
    if (!target || coverage.modules.has(target.file)) continue;
    const sites = listCalls(checker, target.node, 3);
    const isCovered = sites.some(
      (site) => (site.receiver && (coverage.breakers.has(site.receiver.node) || coverage.clients.has(site.receiver.node))) || (site.target && coverage.modules.has(site.target.file)),
    );
    const external = isCovered ? undefined : sites.find((site) => isExternalCall(site.callee, site.receiver));
    if (!external) continue;
    const callee = external.node.expression.getText();
    return `${fact.library} retries an operation that calls \`${callee}\` with no circuit breaker on its path: when that dependency is down, every caller keeps retrying it and it never gets room to recover; call it through a breaker (opossum \`new CircuitBreaker(fn)\`, cockatiel \`wrap(retry, circuitBreaker(…))\`).`;
  }
  return undefined;
}

/**
 * The retried functions: the wrapper's first argument (`pRetry(fn)`, `retry(fn)`), or, for a policy object
 * (cockatiel `retry(…)`, node-retry `operation(…)`), the functions given to its `execute`/`attempt` calls
 * in the module that makes it.
 */
function findOperations(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression): RetriedOperation[] {
  const first = call.arguments?.[0];
  if (first && followCallOf(checker, first)) return [{ operation: first, run: call }];
  const holder = call.parent;
  if (!ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name)) return [];
  const attachments = findCreationOf(checker, holder.name)?.attachments ?? [];
  return attachments
    .filter((attachment) => attachment.position === 'receiver' && RETRY_RUN_METHODS.has(attachment.memberPath.at(-1) ?? ''))
    .flatMap((attachment) => (attachment.node.arguments[0] ? [{ operation: attachment.node.arguments[0], run: attachment.node }] : []));
}

/**
 * The calls that run a retry, to tell whether they run only at start-up: a got or ky request itself, a
 * wrapper's call (`pRetry(fn)`) or a policy's `execute` calls. None for a retry attached to a client or an
 * instance (axios-retry, `ky.create`, superagent's agent): its requests are sent wherever the client is used.
 */
function findRetryRuns(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, fact: RetryPolicyFact): ts.Node[] {
  if (!CLIENT_RETRY_LIBRARIES.has(fact.library)) return findOperations(checker, call).map(({ run }) => run);
  if (!DEFAULT_RETRY_CLIENTS.has(fact.library)) return [];
  const callee = describeCallee(checker, call.expression);
  return callee && !DEFAULT_RETRY_INSTANCE_FACTORIES.has(callee.path.at(-1) ?? '') ? [call] : [];
}

/** The HTTP servers the inventory records outside test code: the functions that make one build the app. */
function findServers(project: CheckedProject, facts: readonly CheckedFact[]): ts.Node[] {
  return facts.flatMap((fact) => (fact.kind === 'http-server' && fact.programNode && !isTestFile(project.policy.tests, fact.file) ? [fact.programNode] : []));
}

function isExternalCall(callee: CalleePath | undefined, receiver: Creation | undefined): boolean {
  if (receiver?.callee && isHttpModule(receiver.callee)) return true;
  if (!callee) return false;
  if (isHttpModule(callee)) return true;
  // A global such as `fetch` is declared by a package (@types/node, undici-types) or a TypeScript lib file.
  return callee.module === undefined && callee.path.length === 1 && HTTP_CLIENT_GLOBALS.has(callee.path[0]!) && callee.package !== undefined;
}

function isHttpModule(callee: CalleePath): boolean {
  return (callee.package !== undefined && HTTP_CLIENT_PACKAGES.has(callee.package)) || (callee.module !== undefined && HTTP_CLIENT_PACKAGES.has(callee.module));
}

/** Every breaker in the project's own files, and what each covers. */
function findCoverage(project: CheckedProject, checker: ts.TypeChecker, breakers: readonly Specifier[]): Coverage {
  const modules = new Set<string>();
  const clients = new Set<ts.Node>();
  const created = new Set<ts.Node>();
  const names = new Set(breakers.map((breaker) => (breaker.name === 'default' ? breaker.package : breaker.name)));
  for (const sourceFile of project.program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || sourceFile.fileName.includes('/node_modules/')) continue;
    if (![...names].some((name) => sourceFile.text.includes(name))) continue;
    const visit = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && isBreaker(checker, node, breakers)) {
        modules.add(sourceFile.fileName);
        created.add(node);
        for (const argument of node.arguments ?? []) coverWrapped(checker, argument, modules, clients);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { modules, clients, breakers: created };
}

/** A function a breaker wraps: its module is covered, and so is every client it calls. */
function coverWrapped(checker: ts.TypeChecker, argument: ts.Expression, modules: Set<string>, clients: Set<ts.Node>): void {
  const target = followCallOf(checker, argument);
  if (!target) return;
  modules.add(target.file);
  for (const site of listCalls(checker, target.node, 3)) {
    if (site.receiver) clients.add(site.receiver.node);
    if (site.target) modules.add(site.target.file);
  }
}

function isBreaker(checker: ts.TypeChecker, node: ts.CallExpression | ts.NewExpression, breakers: readonly Specifier[]): boolean {
  const callee = describeCallee(checker, node.expression);
  if (!callee) return false;
  const origin = callee.package ?? callee.module;
  return breakers.some((breaker) => (origin === breaker.package || callee.module === breaker.package) && callee.path[0] === breaker.name);
}
