/**
 * Code that runs once per process, while it starts: the names entry-point functions are written with, and
 * the framework hooks called once when an app boots. A call made there runs once, not per request or job,
 * so what guards repeated calls (a circuit breaker) has nothing to count.
 * NestJS hooks read from @nestjs/common 11.2.12 as installed (interfaces/hooks/on-init.interface.d.ts
 * `onModuleInit(): any`, on-application-bootstrap.interface.d.ts `onApplicationBootstrap(): any`, "called once
 * the application has fully started and is bootstrapped"); @nestjs/core calls each once per provider,
 * controller and module while `app.init()` runs.
 */

/** Top-level functions that conventionally start a service or a script (`main()`, NestJS's `bootstrap()`). */
export const ENTRY_POINT_NAMES: ReadonlySet<string> = new Set(['main', 'bootstrap']);

/** Class methods a framework calls once while the app starts. */
export const START_UP_HOOKS: ReadonlySet<string> = new Set(['onModuleInit', 'onApplicationBootstrap']);
