/* eslint-disable no-undef */
/**
 * Builds the add-in (taskpane, commands) and the browser preview into dist/.
 * Production URLs: the manifest points at https://localhost:3000/; set ADDIN_URL (e.g.
 * https://intranet.example.lg.jp/kpi-check/) to rewrite them in dist/manifest.xml for hosting.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_LOCAL = 'office-js/office.js';

/** Content-Security-Policy for the pages: only what they load, no eval, no inline script. */
function csp({ cdn, dev }) {
  const office = cdn ? ' https://appsforoffice.microsoft.com' : '';
  const live = dev ? ' wss://localhost:3000 ws://localhost:3000' : '';
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${office}${live}`,
    `frame-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function devServerHttps() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return 'https';
  const options = {};
  for (const [k, f] of Object.entries(files)) options[k] = fs.readFileSync(path.join(dir, f));
  return { type: 'https', options };
}

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
  const addinUrl = process.env.ADDIN_URL ? process.env.ADDIN_URL.replace(/\/?$/, '/') : DEV_URL;
  return {
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/preview.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // Parts of the pane loaded when first shown (Settings): settings.chunk.js next to taskpane.js.
      chunkFilename: '[name].chunk.js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      fallback: { fs: false, path: false, os: false, stream: false, crypto: false, buffer: false },
    },
    module: {
      // ExcelJS's browser build is one prebuilt bundle: parsing it only slows the build.
      noParse: /exceljs[\\/]dist[\\/]/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: true } } },
        },
      ],
    },
    performance: {
      // The preview carries ExcelJS and is never part of the add-in; the pane's budget is checked by tools/bundle-size.js.
      assetFilter: (file) => /^(taskpane|commands)\.js$/.test(file),
      maxAssetSize: 800 * 1024,
      maxEntrypointSize: 800 * 1024,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        csp: csp({ cdn: true, dev }),
        officeJs: OFFICE_JS_CDN,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        csp: csp({ cdn: true, dev }),
        officeJs: OFFICE_JS_CDN,
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
        csp: csp({ cdn: false, dev }),
        officeJs: OFFICE_JS_LOCAL,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'seeds/sample-draft.xlsx', to: 'samples/[name][ext]', noErrorOnMissing: true },
          { from: 'seeds/sample.xlsx', to: 'samples/[name][ext]', noErrorOnMissing: true },
          // office.js for the preview, and the table it loads next to itself; copied as published.
          {
            from: 'node_modules/@microsoft/office-js/dist/{office,o15apptofilemappingtable}.js',
            to: 'office-js/[name][ext]',
            info: { minimized: true },
          },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(addinUrl)),
          },
        ],
      }),
    ],
    devServer: {
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: devServerHttps(),
      port: 3000,
      static: { directory: path.resolve(__dirname, 'dist') },
      client: { overlay: false },
    },
  };
};
