/** The call or construction that starts where a rule recorded an inventory fact (its line and column). */
import { ts } from 'ts-morph';

import type { InventoryEntry } from '../report/model.js';

export function findCallAt(sourceFile: ts.SourceFile | undefined, fact: Pick<InventoryEntry, 'line' | 'column'>): ts.CallExpression | ts.NewExpression | undefined {
  if (!sourceFile) return undefined;
  let position: number;
  try {
    position = sourceFile.getPositionOfLineAndCharacter(fact.line - 1, fact.column - 1);
  } catch {
    return undefined;
  }
  let found: ts.CallExpression | ts.NewExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (position < node.getStart(sourceFile) || position >= node.getEnd()) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.getStart(sourceFile) === position) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
