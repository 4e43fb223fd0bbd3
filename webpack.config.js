// Builds the Excel add-in (task pane + custom functions + ribbon commands in one shared runtime)
// and, with --env playground, the browser playground. The build helpers are TypeScript in
// src/build/, loaded through tsx so they are the same code the tests exercise.
const fs = require('node:fs');
const path = require('node:path');
const { require: tsxRequire } = require('tsx/cjs/api');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const packageJson = require('./package.json');

const fromBuild = (name) => tsxRequire(`./src/build/${name}.ts`, module.filename);
const { BundleSizePlugin } = fromBuild('BundleSizePlugin');
const { LocalizedFunctionsPlugin } = fromBuild('LocalizedFunctionsPlugin');
const { rewriteManifest, normaliseBaseUrl } = fromBuild('rewriteManifest');
const { ensureDevCertificate } = fromBuild('devCertificate');

const DEV_PORT = 3000;
/** The task pane must paint quickly inside Excel: danfojs and the engine load lazily, never up front. */
const TASKPANE_BUDGET_GZIP = 400 * 1024;
const OFFICE_JS = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
/** office.js loads its Excel host scripts, string tables and telemetry relative to itself; Excel 2013-era hosts lack the shared runtime, so their files are left out. */
const OFFICE_JS_FILES = ['office.js', 'o15apptofilemappingtable.js', 'excel-*.js', 'custom-functions-runtime.js', '*/office_strings.js', 'ariatelemetry/*.js'];

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const playgroundEntry = path.resolve(__dirname, 'src/playground/index.tsx');
  const playground = Boolean(env.playground) && fs.existsSync(playgroundEntry);
  if (env.playground && !playground) {
    console.warn('SegmentKit: src/playground/index.tsx does not exist yet; building the add-in without the playground.');
  }
  const baseUrlInput = env.baseUrl || process.env.SK_BASE_URL;
  const baseUrl = baseUrlInput ? normaliseBaseUrl(baseUrlInput) : undefined;
  const manifestVersion = env.version || process.env.SK_VERSION || `${packageJson.version}.0`;

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    functions: './src/functions/functions.ts',
    commands: './src/commands/commands.ts',
    ...(playground ? { playground: playgroundEntry } : {}),
  };

  const pages = [
    // Shared runtime: Excel opens taskpane.html once and runs functions and commands in it too.
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['functions', 'commands', 'taskpane'], chunksSortMode: 'manual' }),
    new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
  ];
  if (playground) {
    const template = path.resolve(__dirname, 'src/playground/playground.html');
    pages.push(new HtmlWebpackPlugin({ filename: 'playground.html', chunks: ['playground'], ...(fs.existsSync(template) ? { template } : { title: 'SegmentKit playground' }) }));
  }

  const copies = [
    { from: 'assets', to: 'assets', globOptions: { ignore: ['**/.*'] } },
    // Already minified by Microsoft: marking them so keeps Terser from spending a minute re-minifying 15 MB.
    ...OFFICE_JS_FILES.map((pattern) => ({ from: pattern, context: OFFICE_JS, to: 'office-js/', globOptions: { ignore: ['**/*.debug.js'] }, info: { minimized: true } })),
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => (baseUrl ? rewriteManifest(content.toString(), baseUrl, manifestVersion) : content),
    },
  ];

  let server;
  if (env.WEBPACK_SERVE) {
    if (playground) {
      server = 'http';
    } else {
      const { cert, key, caPath, created } = await ensureDevCertificate(__dirname);
      if (created) console.log(`SegmentKit: new development certificate in .certs/. Trust ${path.relative(__dirname, caPath)} once (see src/build/INSTALL.md).`);
      server = { type: 'https', options: { cert, key } };
    }
  }

  return {
    mode,
    entry,
    target: ['web', 'es2020'],
    devtool: dev ? 'cheap-module-source-map' : 'source-map',
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            // ES modules so webpack sees import() and new Worker(new URL(..., import.meta.url)) and splits them into lazy chunks.
            compilerOptions: { module: 'esnext', target: 'es2020', sourceMap: true },
          },
        },
      ],
    },
    optimization: {
      // Each entry stays one standalone file: the manifest names functions.js directly.
      splitChunks: { chunks: 'async' },
      runtimeChunk: false,
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new LocalizedFunctionsPlugin({ source: 'functions.json', translations: ['de', 'nl'].map((l) => require(`./src/functions/locales/${l}.json`)) }),
      ...pages,
      new CopyWebpackPlugin({ patterns: copies }),
      ...(dev ? [] : [new BundleSizePlugin({ budgets: { taskpane: TASKPANE_BUDGET_GZIP } })]),
    ],
    devServer: {
      port: DEV_PORT,
      host: 'localhost',
      server,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { warnings: false } },
      ...(playground ? { open: false, historyApiFallback: { index: '/playground.html' } } : {}),
    },
  };
};
