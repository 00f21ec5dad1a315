import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FILE_VARIABLES } from '../backend/src/config/config.js';

/**
 * The deployment files cannot be run here (no Docker engine, no systemd), so this checks that
 * everything they name exists: files, npm scripts, configuration variables — and nginx reads
 * the site configuration as it is shipped.
 */
const REPO = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const rootPackage = JSON.parse(read('package.json')) as { workspaces: string[]; scripts: Record<string, string> };

/** Every variable the configuration reads, from the one place that reads them. */
function configVariables(): string[] {
  const source = read('backend/src/config/config.ts');
  const names = new Set<string>();
  for (const m of source.matchAll(/env\.([A-Z][A-Z0-9_]+)|Var\(env, '([A-Z][A-Z0-9_]+)'/g)) names.add(m[1] ?? m[2]);
  for (const name of FILE_VARIABLES) names.add(`${name}_FILE`);
  return [...names].sort();
}

describe('configuration is documented', () => {
  const variables = configVariables();

  it('reads a plausible set of variables', () => {
    expect(variables).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'PUBLIC_URL', 'SMTP_URL', 'REDIS_URL', 'TRUST_PROXY', 'LOG_FORMAT', 'DATABASE_URL_FILE']),
    );
  });

  it.each(variables)('%s is in .env.example and in the README', (name) => {
    expect(read('.env.example')).toMatch(new RegExp(`\\b${name}\\b`));
    expect(read('README.md')).toMatch(new RegExp(`\\b${name}\\b`));
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const copies = [...dockerfile.matchAll(/^COPY (?!--from)(\S+) /gm)].map((m) => m[1]);

  it('copies only files that exist', () => {
    for (const source of copies.filter((s) => s !== '.')) expect(existsSync(join(REPO, source)), source).toBe(true);
  });

  it("copies every workspace's package.json before npm ci, so the install layer is complete", () => {
    for (const ws of rootPackage.workspaces) expect(copies, ws).toContain(`${ws}/package.json`);
  });

  it("copies every built app into the runtime image and starts the backend's built entry point", () => {
    for (const ws of rootPackage.workspaces) {
      const pkg = JSON.parse(read(`${ws}/package.json`)) as { scripts?: Record<string, string> };
      if (pkg.scripts?.build && existsSync(join(REPO, ws, 'index.html'))) expect(dockerfile, ws).toContain(`/src/${ws}/dist ${ws}/dist/`);
    }
    const main = (JSON.parse(read('backend/package.json')) as { main: string }).main.replace(/^\.\//, 'backend/');
    expect(dockerfile).toContain(`CMD ["node", "${main}"]`);
    expect(read('scripts/run.mjs')).toContain(`server: '${main}'`);
  });

  it('runs npm scripts that exist', () => {
    for (const m of dockerfile.matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(rootPackage.scripts)).toContain(m[1]);
  });
});

describe('compose file', () => {
  const compose = parseYaml(read('deploy/docker/compose.yml')) as {
    services: Record<string, { build?: { context: string; dockerfile: string }; environment?: Record<string, string>; volumes?: string[] }>;
    secrets: Record<string, { file: string }>;
  };
  const dir = join(REPO, 'deploy/docker');

  it('builds the Dockerfile of this repository for both instances', () => {
    for (const name of ['app1', 'app2']) {
      const build = compose.services[name].build!;
      expect(existsSync(resolve(dir, build.context, build.dockerfile))).toBe(true);
    }
  });

  it('sets only variables the configuration reads', () => {
    const known = configVariables();
    for (const name of ['app1', 'app2'])
      for (const variable of Object.keys(compose.services[name].environment ?? {})) expect(known, variable).toContain(variable);
  });

  it('mounts files that exist and documents its secrets', () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const host = volume.split(':')[0];
        if (host.startsWith('.')) expect(existsSync(resolve(dir, host)), host).toBe(true);
      }
    }
    const secretsReadme = readFileSync(join(dir, 'secrets/README.md'), 'utf8');
    for (const secret of Object.values(compose.secrets)) expect(secretsReadme).toContain(secret.file.replace('./secrets/', ''));
  });
});

describe('systemd unit', () => {
  const unit = read('deploy/systemd/einlass@.service');

  it("starts the backend's built entry point and is hardened", () => {
    expect(unit).toContain('ExecStart=/usr/bin/node backend/dist/backend/src/main.js');
    for (const line of ['DynamicUser=yes', 'ProtectSystem=strict', 'NoNewPrivileges=yes', 'Restart=on-failure', 'EnvironmentFile='])
      expect(unit).toContain(line);
  });
});

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
if (!nginx) {
  if (process.env.CI) throw new Error('nginx is not installed; .ci/run installs it');
  console.warn('\n!!! nginx is not installed — the nginx configuration check is SKIPPED !!!\n');
}

describe.runIf(nginx)('nginx site configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'einlass-nginx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is accepted by nginx -t as shipped (with a throw-away certificate)', () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=termine.example.de',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const site = read('deploy/nginx/einlass.conf')
      .replace(/\/etc\/letsencrypt\/live\/[^;]+\/fullchain\.pem/, join(dir, 'cert.pem'))
      .replace(/\/etc\/letsencrypt\/live\/[^;]+\/privkey\.pem/, join(dir, 'key.pem'))
      .replace('/etc/nginx/snippets/einlass-proxy.conf', join(REPO, 'deploy/nginx/einlass-proxy.conf'))
      .replace(
        /listen (\[::\]:)?(80|443)/g,
        (_m, v6: string | undefined, port: string) => `listen ${v6 ?? '127.0.0.1:'}${port === '80' ? 18080 : 18443}`,
      );
    writeFileSync(join(dir, 'site.conf'), site);
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n  include ${dir}/site.conf;\n}\n`,
    );
    const result = spawnSync(nginx!, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(result.stderr).toContain('syntax is ok');
    expect(result.status).toBe(0);
  });
});
