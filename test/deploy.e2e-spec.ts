import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { HAPROXY_BIN } from './support/haproxy';

const ROOT = resolve(__dirname, '..');
const K8S = join(ROOT, 'deploy/k8s');
const APPS = ['gateway', 'floor', 'qna', 'recorder'] as const;

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const load = (file: string): Obj[] => parseAllDocuments(readFileSync(file, 'utf8'), { merge: true }).map((d) => d.toJS() as Obj).filter(Boolean);
const manifests = (): Obj[] => readdirSync(K8S).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').flatMap((f) => load(join(K8S, f)));
const validate = (...files: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/validate-deploy.mjs'), ...files], { cwd: ROOT, encoding: 'utf8' });
const selects = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels?.[k] === v);

// Issue 15 item 5: the deployment files. `docker compose` and `kubectl` do not run here (no
// daemon, no cluster): the files are checked against their schemas and for what they promise.
describe('deployment files', () => {
  it('every Kubernetes manifest and docker-compose.yml is valid against its schema; a broken one is refused', () => {
    const ok = validate();
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: '' });
    expect(ok.stdout).toMatch(/gateway\.yaml#1: apps\/v1 Deployment gateway: valid/);
    expect(ok.stdout).toMatch(/docker-compose\.yml: compose file: valid/);

    const dir = mkdtempSync(join(tmpdir(), 'rostrum-deploy-'));
    try {
      const brokenPod = join(dir, 'broken.yaml');
      writeFileSync(brokenPod, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec:\n  template:\n    spec:\n      containers: [{ name: x, image: x, ports: [{ containerPort: "http" }] }]\n');
      const brokenCompose = join(dir, 'docker-compose.yml');
      writeFileSync(brokenCompose, 'services:\n  gateway:\n    image: rostrum\n    replicas: 3\n');
      const bad = validate(brokenPod, brokenCompose);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/broken\.yaml#1: apps\/v1 Deployment x: .*(selector|containerPort)/);
      expect(bad.stderr).toMatch(/docker-compose\.yml: \/services\/gateway must NOT have additional properties/);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it.each(APPS)('%s: a Deployment with readiness on /health/ready and liveness on /health/live, configuration from the Secret, a PodDisruptionBudget and a Service', (app) => {
    const all = manifests();
    const deployment = all.find((m) => m.kind === 'Deployment' && m.metadata.name === app)!;
    expect(deployment).toBeDefined();
    const pod = deployment.spec.template;
    expect(selects(deployment.spec.selector.matchLabels, pod.metadata.labels)).toBe(true);
    const [container] = pod.spec.containers;
    expect(container.command).toEqual(['node', `dist/apps/${app}/src/main.js`]);
    const portNames = container.ports.map((p: Obj) => p.name);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: expect.any(String) });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: expect.any(String) });
    expect(portNames).toContain(container.readinessProbe.httpGet.port);
    expect(portNames).toContain(container.livenessProbe.httpGet.port);

    // Configuration: secrets from the Secret, the rest from the ConfigMap, both existing.
    const secret = all.find((m) => m.kind === 'Secret')!;
    const config = all.find((m) => m.kind === 'ConfigMap')!;
    expect(container.envFrom).toEqual(expect.arrayContaining([{ secretRef: { name: secret.metadata.name } }, { configMapRef: { name: config.metadata.name } }]));
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'TOKEN_SECRET', 'OPERATOR_KEY']) expect(Object.keys(secret.stringData)).toContain(key);
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'TOKEN_SECRET', 'OPERATOR_KEY']) expect(Object.keys(config.data)).not.toContain(key);
    if (app === 'gateway') {
      expect(container.env).toEqual(expect.arrayContaining([{ name: 'GATEWAY_HOST', value: '0.0.0.0' }]));
      expect(Number(container.ports[0].containerPort)).toBe(Number(container.env.find((e: Obj) => e.name === 'GATEWAY_PORT').value));
    } else {
      // The services' health port listens beyond loopback only when told (METRICS_HOST).
      expect(config.data).toMatchObject({ METRICS_HOST: '0.0.0.0', METRICS_PORT: String(container.ports[0].containerPort) });
    }

    const pdb = all.find((m) => m.kind === 'PodDisruptionBudget' && selects(m.spec.selector.matchLabels, pod.metadata.labels));
    expect(pdb?.spec).toMatchObject({ maxUnavailable: 1 });
    expect(deployment.spec.replicas).toBeGreaterThan(pdb!.spec.maxUnavailable); // a drain never takes them all
    const service = all.find((m) => m.kind === 'Service' && selects(m.spec.selector, pod.metadata.labels));
    expect(portNames).toContain(service?.spec.ports[0].targetPort);
  });

  it('the Ingress reaches the gateway Service with websocket timeouts and cookie affinity for long-polling; kustomization lists every manifest', () => {
    const all = manifests();
    const ingress = all.find((m) => m.kind === 'Ingress')!;
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    const service = all.find((m) => m.kind === 'Service' && m.metadata.name === backend.name)!;
    expect(service.spec.selector['app.kubernetes.io/component']).toBe('gateway');
    expect(service.spec.ports.map((p: Obj) => p.name)).toContain(backend.port.name);
    expect(Number(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThan(25); // socket.io pings every 25 s
    expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/affinity']).toBe('cookie');

    const [kustomization] = load(join(K8S, 'kustomization.yaml'));
    const files = readdirSync(K8S).filter((f) => f.endsWith('.yaml') && !['kustomization.yaml', 'secret.example.yaml'].includes(f));
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('docker compose: scalable apps behind the HAProxy service, whose config haproxy -c accepts and which checks /health/ready', () => {
    const [compose] = load(join(ROOT, 'docker-compose.yml'));
    // --scale gateway=3 --scale floor=2 --scale recorder=2: no fixed host port or container name on an app.
    for (const app of APPS) {
      expect(compose.services[app].ports).toBeUndefined();
      expect(compose.services[app].container_name).toBeUndefined();
    }
    const proxy = compose.services.proxy;
    expect(proxy.ports).toContain('3000:80');
    const mount = (proxy.volumes as string[]).find((v) => v.includes('haproxy.cfg'))!;
    const cfgFile = join(ROOT, mount.split(':')[0]);
    const cfg = readFileSync(cfgFile, 'utf8');
    expect(cfg).toContain(`server-template gw 20 gateway:${compose.services.gateway.environment.GATEWAY_PORT}`);
    expect(cfg).toContain('option httpchk GET /health/ready');
    expect(cfg).toMatch(/cookie rostrum_gw insert/);
    expect(compose.services.gateway.environment.TRUST_PROXY).toBe('uniquelocal');
    const check = spawnSync(HAPROXY_BIN, ['-c', '-f', cfgFile], { encoding: 'utf8' });
    expect({ status: check.status, out: `${check.stdout}${check.stderr}`.trim() }).toEqual({ status: 0, out: 'Configuration file is valid' });
  });
});
