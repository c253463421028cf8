// Model answers for the Fix tests: a tiny API whose server has a syntax error (so it fails the
// sandbox's start check), and the reply that repairs it.
const PACKAGE_JSON = JSON.stringify({ name: 'tiny-api', private: true, scripts: { start: 'node server.js' } });
const OPENAPI = JSON.stringify({ openapi: '3.1.0', info: { title: 'tiny', version: '1' }, paths: { '/health': { get: {} } } });
const WORKING_SERVER = `require('node:http').createServer((request, response) => {
  response.writeHead(request.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ status: 'ok' }));
}).listen(Number(process.env.PORT));
`;
const BROKEN_SERVER = `require('node:http').createServer((request, response) => {\n  response.end(;\n}).listen(Number(process.env.PORT));\n`;

const block = (path: string, content: string) => `<file path="${path}">\n${content}\n</file>\n`;

export const brokenApiAnswer = `${block('package.json', PACKAGE_JSON)}${block('openapi.json', OPENAPI)}${block('server.js', BROKEN_SERVER)}<summary>A tiny API.</summary>`;
export const repairAnswer = `<plan title="Fix syntax error">server.js modify</plan>\n${block('server.js', WORKING_SERVER)}<summary>Fixed the syntax error in server.js.</summary>`;
