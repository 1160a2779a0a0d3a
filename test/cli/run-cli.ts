/**
 * Runs the built policy-check (dist/checker/bin.js) as a user would, with NO_COLOR and outside CI. Builds
 * once first when dist is missing or older than the sources.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPOSITORY, 'dist/checker/bin.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const childEnv: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...env };
  if (!('CI' in env)) delete childEnv.CI;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: childEnv, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Builds dist/ with the project's build script when any source is newer than the built CLI. */
export function ensureBuilt(): void {
  const built = existsSync(BIN) ? statSync(BIN).mtimeMs : 0;
  const newest = Math.max(...['checker', 'rules', 'knowledge', 'policy'].map((folder) => newestIn(path.join(REPOSITORY, folder))));
  if (newest <= built) return;
  try {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPOSITORY, stdio: 'ignore' });
  } catch (error) {
    // tsc emits even when a file elsewhere in the repository has a type error; only a missing CLI is fatal.
    if (!existsSync(BIN)) throw error;
  }
}

function newestIn(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : entry.name.endsWith('.ts') ? statSync(full).mtimeMs : 0);
  }
  return newest;
}
