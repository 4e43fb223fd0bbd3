import type { Command } from 'commander';
import { registerClvCommand } from './commands/clvCommand';
import { registerDemoCommand } from './commands/demoCommand';
import { registerInspectCommand } from './commands/inspectCommand';
import { registerSampleCommand } from './commands/sampleCommand';
import { registerSegmentCommand } from './commands/segmentCommand';
import { registerSqlCommand } from './commands/sqlCommand';

export function registerCommands(program: Command): void {
  registerSampleCommand(program);
  registerInspectCommand(program);
  registerSegmentCommand(program);
  registerClvCommand(program);
  registerSqlCommand(program);
  registerDemoCommand(program);
}
