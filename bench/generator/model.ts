/** The plan of a generated monorepo: what each service is made of, decided before any file is written. */
import type { FieldSpec, Name } from './names.js';
import type { Random } from './random.js';

export type HttpLibrary = 'axios' | 'got' | 'ky' | 'fetch';
export type RetryLibrary = 'p-retry' | 'async-retry' | 'cockatiel' | 'loop';
export type Broker = 'kafkajs' | 'amqplib' | 'bullmq';
export type LoggerLibrary = 'pino' | 'winston';
export type AuthLibrary = 'jsonwebtoken' | 'jose';

export interface EntityPlan {
  readonly name: Name;
  readonly fields: readonly FieldSpec[];
  readonly cached: boolean;
  readonly produces: boolean;
  readonly consumes: boolean;
  readonly tested: boolean;
}

export interface DependencyPlan {
  /** The remote service. */
  readonly service: Name;
  /** The resource it serves. */
  readonly resource: Name;
  readonly library: HttpLibrary;
}

export interface ServicePlan {
  readonly name: Name;
  /** `services/<name>` */
  readonly directory: string;
  readonly logger: LoggerLibrary;
  readonly broker: Broker;
  readonly retry: RetryLibrary;
  readonly auth: AuthLibrary;
  readonly entities: readonly EntityPlan[];
  readonly dependencies: readonly DependencyPlan[];
  readonly utilities: readonly string[];
  /** Multiplies every seeded pattern's base probability (1: most code clean). */
  readonly defectDensity: number;
}

export interface GeneratedFile {
  /** POSIX path relative to the corpus root. */
  readonly path: string;
  readonly text: string;
  /** Rule ids whose pattern was seeded in this file. */
  readonly patterns: readonly string[];
}

/** Records which bad patterns a template chose to seed. */
export class Defects {
  readonly found: string[] = [];

  constructor(
    private readonly random: Random,
    private readonly density: number,
  ) {}

  /** Whether to seed the pattern `ruleId` reports here, with the given base probability. */
  seed(ruleId: string, probability: number): boolean {
    const seeded = this.random.chance(Math.min(1, probability * this.density));
    if (seeded) this.found.push(ruleId);
    return seeded;
  }

  /** Records a pattern that comes with another one seeded here. */
  record(ruleId: string): void {
    if (!this.found.includes(ruleId)) this.found.push(ruleId);
  }
}

type Line = string | false | null | undefined | readonly Line[];

/** Joins lines, dropping `false`/`null`/`undefined` entries, with a final newline. */
export function lines(...items: Line[]): string {
  const out: string[] = [];
  const visit = (item: Line): void => {
    if (item === false || item === null || item === undefined) return;
    if (typeof item === 'string') out.push(item);
    else for (const nested of item) visit(nested);
  };
  for (const item of items) visit(item);
  return `${out.join('\n')}\n`;
}

/** Calls as a logger library spells them: `log(plan, 'info', '"order created"', '{ orderId }')`. */
export function logCall(logger: LoggerLibrary, level: 'info' | 'warn' | 'error' | 'debug', message: string, fields?: string): string {
  if (!fields) return `logger.${level}(${message});`;
  return logger === 'pino' ? `logger.${level}(${fields}, ${message});` : `logger.${level}(${message}, ${fields});`;
}
