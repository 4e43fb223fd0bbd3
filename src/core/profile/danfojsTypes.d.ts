// danfojs publishes its types only through package.json "exports", which the project's
// `moduleResolution: node` does not read; this points the bare specifier at those same types.
declare module 'danfojs' {
  export * from 'danfojs/dist/danfojs-browser/src/index';
}
