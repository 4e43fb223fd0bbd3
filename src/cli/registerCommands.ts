import type { Command } from 'commander';
import { registerSampleCommand } from './commands/sampleCommand';

export function registerCommands(program: Command): void {
  registerSampleCommand(program);
}
