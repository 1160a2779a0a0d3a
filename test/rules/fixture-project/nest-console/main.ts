// A NestJS application that keeps the default ConsoleLogger.
import { NestFactory } from '@nestjs/core';

import { AppModule } from './app.module.js';

export async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
}
