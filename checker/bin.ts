#!/usr/bin/env node
/** The policy-check executable. Even a broken installation ends with one line and exit code 2. */
try {
  const { main } = await import('./cli/main.js');
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
} catch (error) {
  process.stderr.write(`policy-check: internal error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
  process.exitCode = 2;
}
