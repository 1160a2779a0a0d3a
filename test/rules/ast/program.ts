/** A TypeScript program over test/rules/ast/fixture-project, and a way to find a node in it by its text. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

export const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixture-project');

let program: ts.Program | undefined;

export function getProgram(): ts.Program {
  if (program) return program;
  const configFile = path.join(FIXTURE, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error('cannot read the fixture tsconfig.json');
  program = ts.createProgram(parsed.fileNames, parsed.options);
  return program;
}

/** The innermost node of `file` whose text is exactly `text` (the `occurrence`-th from the start). */
export function findNode(file: string, text: string, occurrence = 0): ts.Node {
  const sourceFile = getProgram().getSourceFile(path.join(FIXTURE, file));
  if (!sourceFile) throw new Error(`${file} is not in the program`);
  const matches: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (node.getText(sourceFile) === text) matches.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const innermost = matches.filter((node) => !matches.some((other) => other !== node && other.parent === node));
  const found = (innermost.length > 0 ? innermost : matches)[occurrence];
  if (!found) throw new Error(`no "${text}" in ${file}`);
  return found;
}

export const relative = (file: string): string => path.relative(FIXTURE, file);
