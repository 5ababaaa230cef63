// Copies the OpenAPI document each service writes when it is built (quarkus.smallrye-openapi.store-schema-directory,
// <module>/target/openapi/openapi.json) into openapi/<service>.json, pretty-printed with sorted keys so that a
// change of the API shows as a small, stable diff. Then `npm run api` generates the client types from them.
//
//   mvn -B -o -q package -DskipTests -Dwebui.skip   # builds every service, which writes its document
//   npm run openapi                                 # this script (or: node scripts/pull-openapi.mjs)
//
// The system tests (OpenApiDocumentsTest) compare each running service's /q/openapi with these files.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const webui = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(webui, '../../../..');
const services = { auth: 'auth-service', patient: 'patient-service', queue: 'queue-service', ai: 'ai-service', gateway: 'gateway' };

/** Object keys sorted at every level; arrays keep their order (it can mean something, e.g. enum values). */
export function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
  }
  return value;
}

let missing = 0;
for (const [name, module] of Object.entries(services)) {
  const built = join(root, module, 'target/openapi/openapi.json');
  let text;
  try {
    text = await readFile(built, 'utf8');
  } catch {
    console.error(`pull-openapi: ${relative(root, built)} is missing: build the services first `
      + '(mvn -B -o -q package -DskipTests -Dwebui.skip)');
    missing++;
    continue;
  }
  const target = join(webui, 'openapi', `${name}.json`);
  await writeFile(target, JSON.stringify(sortKeys(JSON.parse(text)), null, 2) + '\n');
  console.log(`pull-openapi: ${relative(root, built)} -> ${relative(root, target)}`);
}
process.exit(missing === 0 ? 0 : 1);
