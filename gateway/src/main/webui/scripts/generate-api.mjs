// Generates the TypeScript types of the API from the services' OpenAPI documents (openapi/*.json, written by
// each service and checked against the running services by the system tests), so the app never carries a
// hand-written copy of an API type.
import { readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'src/api/schema');
await mkdir(out, { recursive: true });
for (const file of (await readdir(join(root, 'openapi'))).filter((f) => f.endsWith('.json'))) {
  const ast = await openapiTS(new URL(`../openapi/${file}`, import.meta.url));
  const header = `// Generated from openapi/${file} by scripts/generate-api.mjs. Do not edit.\n`;
  await writeFile(join(out, file.replace(/\.json$/, '.d.ts')), header + astToString(ast));
}
