/**
 * Whether a call runs only while the process starts, not per request or job: it is written at a module's
 * top level, or in a function that runs only at start-up. A function runs only at start-up when it is an
 * entry point (`main()`, `bootstrap()` at a module's top level), a framework's start-up hook (NestJS
 * `onModuleInit`), builds an HTTP server (`express()`, `NestFactory.create`, as the inventory records it),
 * or when every call of it, found with the language service's references across modules, is itself made
 * only at start-up, a few callers up. A call that start-up code repeats (in a `while` loop, in a function
 * that calls itself) is not start-up. Anything it cannot tell (a function passed as a callback, stored,
 * exported with no caller in the project, or with too many callers) counts as not start-up.
 */
import path from 'node:path';

import { ts } from 'ts-morph';

import { ENTRY_POINT_NAMES, START_UP_HOOKS } from '../../knowledge/start-up.js';
import { isTestFile } from '../../policy/test-files.js';
import type { CheckedProject } from './check.js';

/** How many callers up a function's calls are followed. */
const MAX_CALLER_DEPTH = 4;
/** A function called from more places than this is a shared helper: not followed. */
const MAX_CALL_SITES = 12;
/** Searches for references in one run at most; past them, what is left counts as not start-up. */
const MAX_REFERENCE_SEARCHES = 200;
/** Methods whose callback runs once, when the promise they are chained on settles. */
const PROMISE_CONTINUATIONS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

type FunctionWithBody = ts.FunctionDeclaration | ts.MethodDeclaration | ts.FunctionExpression | ts.ArrowFunction;

export class StartUpCalls {
  private service: ts.LanguageService | undefined;
  private readonly serverBuilders = new Set<ts.Node>();
  private readonly verdicts = new Map<ts.Node, boolean>();
  private readonly callSites = new Map<ts.Node, ts.Node[] | undefined>();
  private searches = 0;

  /** `servers`: the nodes that make an HTTP server, from the inventory. */
  constructor(
    private readonly project: CheckedProject,
    servers: readonly ts.Node[],
  ) {
    for (const server of servers) {
      const scope = findScope(server);
      if (scope) this.serverBuilders.add(scope);
    }
  }

  /** Whether every one of `calls` runs only at start-up; false for none. */
  runOnlyAtStartUp(calls: readonly ts.Node[]): boolean {
    return calls.length > 0 && calls.every((call) => this.isStartUpSite(call, 0, new Set()));
  }

  /**
   * A call runs only at start-up: at a module's top level, or in a function that does, and not in a loop
   * that keeps going (a poll started at start-up runs for the life of the process) nor in a function that
   * calls itself again.
   */
  private isStartUpSite(site: ts.Node, depth: number, visiting: Set<ts.Node>): boolean {
    const scope = findScope(site);
    if (isInRepeatingLoop(site, scope)) return false;
    if (scope === undefined) return true;
    if (!isFunctionWithBody(scope) || visiting.has(scope)) return false;
    return this.isStartUpFunction(scope, depth, visiting);
  }

  private isStartUpFunction(fn: FunctionWithBody, depth: number, visiting: Set<ts.Node>): boolean {
    if (isEntryPoint(fn) || isStartUpHook(fn) || this.serverBuilders.has(fn)) return true;
    if (depth >= MAX_CALLER_DEPTH) return false;
    const known = this.verdicts.get(fn);
    if (known !== undefined) return known;
    if (!this.callSites.has(fn)) this.callSites.set(fn, this.findCallSites(fn));
    const sites = this.callSites.get(fn);
    visiting.add(fn);
    const verdict = sites !== undefined && sites.length > 0 && sites.every((site) => this.isStartUpSite(site, depth + 1, visiting));
    visiting.delete(fn);
    // A verdict reached with a caller still open on the stack may depend on it; keep only the outermost.
    if (visiting.size === 0) this.verdicts.set(fn, verdict);
    return verdict;
  }

  /**
   * The calls that run `fn`: an immediately invoked function's call, a promise continuation's `.then(…)`, or
   * the calls of its name anywhere in the program (test code left out). Undefined when some reference is
   * not a call (passed, stored, exported in a way the references do not follow) or there are too many.
   */
  private findCallSites(fn: FunctionWithBody): ts.Node[] | undefined {
    const written = climbOuterExpressions(fn);
    const parent = written.parent;
    if (ts.isCallExpression(parent) && parent.expression === written) return [parent];
    if (ts.isCallExpression(parent) && parent.arguments.includes(written as ts.Expression)) {
      return isPromiseContinuation(parent) ? [parent] : undefined;
    }
    const name = getReferenceName(fn);
    if (!name) return undefined;
    const sourceFile = name.getSourceFile();
    const referenced = this.findReferences(sourceFile.fileName, name.getStart(sourceFile));
    if (!referenced) return undefined;
    const sites: ts.Node[] = [];
    for (const entry of referenced.flatMap((symbol) => symbol.references)) {
      if (isTestFile(this.project.policy.tests, path.relative(this.project.root, entry.fileName).split(path.sep).join('/'))) continue;
      const file = this.project.program.getSourceFile(entry.fileName);
      const reference = file ? findNameAt(file, entry.textSpan.start) : undefined;
      if (!reference) return undefined;
      if (reference === name || isDeclarationOrAlias(reference)) continue;
      const call = findCallOf(reference);
      if (!call) return undefined;
      sites.push(call);
      if (sites.length > MAX_CALL_SITES) return undefined;
    }
    return sites;
  }

  /** The references of the name at `position`; undefined past the budget or when the language service fails on the file. */
  private findReferences(fileName: string, position: number): ts.ReferencedSymbol[] | undefined {
    if (this.searches >= MAX_REFERENCE_SEARCHES) return undefined;
    this.searches += 1;
    this.service ??= this.project.project.getLanguageService().compilerObject;
    try {
      return this.service.findReferences(fileName, position) ?? [];
    } catch {
      return undefined;
    }
  }
}

/** The function, class field or static block a node is written in; undefined at a module's top level. */
function findScope(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isClassStaticBlockDeclaration(current) || (ts.isPropertyDeclaration(current) && ts.isClassLike(current.parent))) return current;
    if (ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}

/**
 * A `while`, `do`, `for (;;)` or `for await` loop around the call, inside its scope: it repeats for as long
 * as something keeps it going. A `for…of`, `for…in` or counted `for` runs once per item of what it is given.
 */
function isInRepeatingLoop(site: ts.Node, scope: ts.Node | undefined): boolean {
  for (let current = site.parent; current && current !== scope; current = current.parent) {
    if (ts.isWhileStatement(current) || ts.isDoStatement(current)) return true;
    if (ts.isForStatement(current) && current.condition === undefined) return true;
    if (ts.isForOfStatement(current) && current.awaitModifier !== undefined) return true;
  }
  return false;
}

function isFunctionWithBody(node: ts.Node): node is FunctionWithBody {
  return (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) && node.body !== undefined;
}

/** `main()` or `bootstrap()` declared at a module's top level. */
function isEntryPoint(fn: FunctionWithBody): boolean {
  if (ts.isFunctionDeclaration(fn)) return fn.name !== undefined && ENTRY_POINT_NAMES.has(fn.name.text) && ts.isSourceFile(fn.parent);
  const holder = climbOuterExpressions(fn).parent;
  return ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && ENTRY_POINT_NAMES.has(holder.name.text) && ts.isVariableStatement(holder.parent.parent) && ts.isSourceFile(holder.parent.parent.parent);
}

function isStartUpHook(fn: FunctionWithBody): boolean {
  return ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent) && ts.isIdentifier(fn.name) && START_UP_HOOKS.has(fn.name.text);
}

/** `promise.then(fn)`, `.catch(fn)`, `.finally(fn)`. */
function isPromiseContinuation(call: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(call.expression) && PROMISE_CONTINUATIONS.has(call.expression.name.text);
}

/** The name whose references are the function's calls: its own, or the variable or property holding it. */
function getReferenceName(fn: FunctionWithBody): ts.Identifier | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name;
  const holder = climbOuterExpressions(fn).parent;
  if ((ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder)) && holder.initializer === climbOuterExpressions(fn) && ts.isIdentifier(holder.name)) return holder.name;
  return undefined;
}

/** An import or export of the name, or a type query of it: no call, and the references follow the alias. */
function isDeclarationOrAlias(reference: ts.Identifier): boolean {
  const parent = reference.parent;
  return (
    ts.isImportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isExportAssignment(parent) ||
    ts.isTypeQueryNode(parent) ||
    ((ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent) || ts.isPropertySignature(parent)) && parent.name === reference)
  );
}

/** The call a reference is the callee of: `name(…)`, `object.name(…)`, `await name(…)`. */
function findCallOf(reference: ts.Identifier): ts.CallExpression | undefined {
  const parent = reference.parent;
  const callee = ts.isPropertyAccessExpression(parent) && parent.name === reference ? parent : reference;
  const written = climbOuterExpressions(callee);
  return ts.isCallExpression(written.parent) && written.parent.expression === written ? written.parent : undefined;
}

function climbOuterExpressions(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent) || ts.isNonNullExpression(current.parent)) {
    current = current.parent;
  }
  return current;
}

/** The identifier that starts at `position` in a file. */
function findNameAt(file: ts.SourceFile, position: number): ts.Identifier | undefined {
  let node: ts.Node = file;
  for (;;) {
    const child: ts.Node | undefined = ts.forEachChild(node, (candidate) => (candidate.pos <= position && position < candidate.end ? candidate : undefined));
    if (!child) return undefined;
    if (ts.isIdentifier(child) && child.getStart(file) === position) return child;
    node = child;
  }
}
