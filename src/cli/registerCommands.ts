import type { Command } from 'commander';
import { registerSampleCommand } from './commands/sampleCommand';
import { registerSegmentCommand } from './commands/segmentCommand';

export function registerCommands(program: Command): void {
  registerSampleCommand(program);
  registerSegmentCommand(program);
}
