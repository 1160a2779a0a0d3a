// NestJS modules that typed rule tests resolve HttpService injections through: the providers are the
// classes a test case declares in file.ts.
import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';

import { AuditClient, LedgerClient, ReportsClient, SettlementClient } from './file.js';

@Module({ imports: [HttpModule], providers: [LedgerClient] })
export class LedgerModule {}

@Module({ imports: [HttpModule.register({ baseURL: 'https://reports.internal', timeout: 3_000 })], providers: [ReportsClient] })
export class ReportsModule {}

@Module({
  imports: [HttpModule.registerAsync({ useFactory: () => ({ baseURL: process.env.AUDIT_URL }) })],
  providers: [{ provide: 'AUDIT_CLIENT', useClass: AuditClient }],
})
export class AuditModule {}

const SETTLEMENT_PROVIDERS = [SettlementClient];

@Module({ imports: [HttpModule.registerAsync({ useFactory: async () => ({ timeout: Number(process.env.SETTLEMENT_TIMEOUT) }) })], providers: [...SETTLEMENT_PROVIDERS] })
export class SettlementModule {}
