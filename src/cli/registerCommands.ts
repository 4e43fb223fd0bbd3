import type { Command } from 'commander';
import { registerClvCommand } from './commands/clvCommand';
import { registerInspectCommand } from './commands/inspectCommand';
import { registerSampleCommand } from './commands/sampleCommand';
import { registerSegmentCommand } from './commands/segmentCommand';

export function registerCommands(program: Command): void {
  registerSampleCommand(program);
  registerInspectCommand(program);
  registerSegmentCommand(program);
  registerClvCommand(program);
}
