import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { followCallOf, listCalls } from '../../../rules/ast/follow-call.js';
import { findNode, getProgram, relative } from './program.js';

const checker = (): ts.TypeChecker => getProgram().getTypeChecker();

describe('followCallOf', () => {
  it('follows a call inside a retry wrapper to the function declared in another module', () => {
    const wrapped = findNode('usage.ts', "submitOrder({ id: '1' })");
    const target = followCallOf(checker(), wrapped);
    expect(target && { file: relative(target.file), name: target.name, kind: ts.SyntaxKind[target.node.kind] }).toEqual({ file: 'orders.ts', name: 'submitOrder', kind: 'FunctionDeclaration' });
  });

  it('follows a function reference to an arrow function held by a const, and a method call to the method', () => {
    const reference = followCallOf(checker(), findNode('usage.ts', 'cancelOrder', 1));
    expect(reference && [relative(reference.file), reference.name, ts.SyntaxKind[reference.node.kind]]).toEqual(['orders.ts', 'cancelOrder', 'ArrowFunction']);
    const method = followCallOf(checker(), findNode('usage.ts', "new OrdersApi().create({ id: '2' })"));
    expect(method?.name).toBe('OrdersApi.create');
  });

  it('returns an inline function itself and undefined for library functions without a body in the program', () => {
    const inline = findNode('usage.ts', "() => submitOrder({ id: '1' })");
    expect(followCallOf(checker(), inline)?.node).toBe(inline);
    expect(followCallOf(checker(), findNode('usage.ts', "pRetry(cancelOrder, { retries: 2 })"))).toBeUndefined();
  });
});

describe('listCalls', () => {
  it('lists the calls a wrapped function makes across modules, with the client each is made on', () => {
    const inline = findNode('usage.ts', "() => submitOrder({ id: '1' })") as ts.ArrowFunction;
    const calls = listCalls(checker(), inline).map((site) => ({
      text: site.node.expression.getText(),
      depth: site.depth,
      method: site.method,
      receiver: site.receiver && `${site.receiver.callee?.module} ${site.receiver.callee?.path.join('.')}`,
      retriedWith: site.receiver?.attachments.find((attachment) => attachment.position === 0)?.callee?.module,
    }));
    expect(calls).toEqual([
      { text: 'submitOrder', depth: 0, method: undefined, receiver: undefined, retriedWith: undefined },
      { text: 'inventoryClient.post', depth: 1, method: 'post', receiver: 'axios default.create', retriedWith: 'axios-retry' },
    ]);
  });

  it('enters each function once, so recursion ends', () => {
    const method = findNode('orders.ts', 'async create(order: { id: string }): Promise<unknown> {\n    return submitOrder(order);\n  }') as ts.MethodDeclaration;
    expect(listCalls(checker(), method, 10).map((site) => site.node.expression.getText())).toEqual(['submitOrder', 'inventoryClient.post']);
  });
});
