#!/usr/bin/env node
// The published bin is plain JavaScript so `npx segmentkit` works straight after `npm ci`
// without a build step; tsx compiles the TypeScript sources on the fly (and caches them).
require('tsx/cjs');
require('./main.ts')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
