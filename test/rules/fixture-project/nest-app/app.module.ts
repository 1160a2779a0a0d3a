import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

@Module({
  imports: [
    LoggerModule.forRootAsync({
      useFactory: () => ({
        pinoHttp: {
          name: 'orders',
          genReqId: (req: { headers: Record<string, string | undefined> }) => req.headers['x-request-id'] ?? 'none',
        },
      }),
    }),
  ],
})
export class AppModule {}
