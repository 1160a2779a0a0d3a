import { describe, expect, it } from 'vitest';

import { reporters } from '../../../checker/reporters/index.js';
import { createCheckResult, createFinding, reverseLists, XSS_MESSAGE, XSS_PROBLEM, XSS_PROPERTY } from './check-result-fixture.js';

const options = { color: false };

describe('html reporter', () => {
  const output = reporters.html(createCheckResult(), options);

  it('is one self-contained page: no external resources, one inline script, a policy that forbids loading anything', () => {
    expect(output.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(output).not.toMatch(/<(link|iframe|img|object|embed|audio|video)\b|<[^>]*\s(src|srcset|background)=|@import|url\(/i);
    expect(output.match(/<script/g)).toHaveLength(1);
    expect(output.match(/<style/g)).toHaveLength(1);
    expect(output).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+';/);
    const hrefs = [...output.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.length).toBe(8);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/github\.com\/service-policy\/eslint-plugin-service-policy\/blob\/main\/docs\//);
  });

  it('escapes every string from the result', () => {
    expect(output).not.toContain('<script>window');
    expect(output).not.toContain(XSS_PROPERTY);
    expect(output).not.toContain(XSS_MESSAGE);
    expect(output).not.toContain(XSS_PROBLEM);
    expect(output).toContain('&lt;script&gt;window.__pwned = true&lt;/script&gt; &quot;a slow billing API&quot;');
    expect(output).toContain('&lt;img src=&quot;x&quot; onerror=&quot;window.__pwned = true&quot;&gt;');
    const hostile = createFinding('require-http-timeout', 'error', 'src/"><svg onload=alert(1)>.ts', 1, 1, '"><b>svc</b>', 'x');
    const page = reporters.html(createCheckResult({ findings: [{ ...hostile, ruleId: 'a"><script>alert(1)</script>', helpUrl: 'javascript:alert(1)' }] }), options);
    expect(page).not.toMatch(/<svg onload|<b>svc|<script>alert|javascript:/);
  });

  it('is deterministic and does not depend on the order of the input', () => {
    expect(reporters.html(createCheckResult(), options)).toBe(output);
    expect(reporters.html(reverseLists(createCheckResult()), options)).toBe(output);
  });
});
