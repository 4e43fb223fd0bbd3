#!/usr/bin/env node
// The published bin is plain JavaScript so `npx segmentkit` works straight after `npm ci`
// without a build step: the sources run from a bundle cached on first use (see compiledCli.cjs),
// or through tsx, which compiles the TypeScript sources on the fly, when that is not possible.
const { loadCompiledCli } = require('./compiledCli.cjs');

loadCompiledCli()
  .then((compiled) => {
    if (compiled) return compiled;
    require('tsx/cjs');
    return require('./main.ts');
  })
  .then((cli) => cli.main(process.argv))
  .then((code) => {
    process.exitCode = code;
  });
