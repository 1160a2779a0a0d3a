/**
 * The cheap text check before a walk: a module named between quotes, as an import or a require names it,
 * and not the same letters inside other words or a longer specifier.
 */
import { describe, expect, it } from 'vitest';

import { createQuotedNamesTest, quotedNamesPattern } from '../../../rules/ast/quoted-names.js';

describe('quoted module names', () => {
  const namesRetryLibrary = createQuotedNamesTest(['ky', 'got', 'p-retry', '@nestjs/axios', 'rxjs/operators']);

  it('finds a name in an import, a require, a dynamic import and a template literal', () => {
    expect(namesRetryLibrary(`import ky from 'ky';`)).toBe(true);
    expect(namesRetryLibrary(`const got = require("got");`)).toBe(true);
    expect(namesRetryLibrary('const pRetry = await import(`p-retry`);')).toBe(true);
    expect(namesRetryLibrary(`import { HttpService } from '@nestjs/axios';`)).toBe(true);
    expect(namesRetryLibrary(`import { retry } from 'rxjs/operators';`)).toBe(true);
  });

  it('passes over the letters inside words, comments and other specifiers', () => {
    expect(namesRetryLibrary(`const key = sky.get(token); // got it`)).toBe(false);
    expect(namesRetryLibrary(`import pRetryLike from 'p-retry-like';`)).toBe(false);
    expect(namesRetryLibrary(`import { map } from 'rxjs';`)).toBe(false);
  });

  it('escapes what a pattern would read as syntax', () => {
    expect(new RegExp(quotedNamesPattern(['lodash.get'])).test(`require('lodashXget')`)).toBe(false);
    expect(new RegExp(quotedNamesPattern(['lodash.get'])).test(`require('lodash.get')`)).toBe(true);
  });
});
