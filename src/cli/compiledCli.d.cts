/** Types for compiledCli.cjs: the CLI's main module from its cached bundle, or null (the launcher then uses tsx). */
export function loadCompiledCli(): Promise<unknown>;
