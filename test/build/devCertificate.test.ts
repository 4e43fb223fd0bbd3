import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ensureDevCertificate } from '../../src/build/devCertificate';

describe('ensureDevCertificate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sk-certs-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a local CA and a localhost certificate into .certs/', async () => {
    const now = new Date();
    const made = await ensureDevCertificate(dir, now);
    expect(made.created).toBe(true);
    expect(made.certPath).toBe(join(dir, '.certs', 'localhost.crt'));
    const certPem = readFileSync(made.certPath, 'utf8');
    expect(certPem).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n?$/);
    expect(readFileSync(made.keyPath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n?$/);
    expect(statSync(made.keyPath).mode & 0o077).toBe(0);

    const cert = new X509Certificate(certPem);
    const ca = new X509Certificate(readFileSync(made.caPath));
    expect(cert.subject).toBe('CN=localhost');
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.ca).toBe(false);
    expect(ca.ca).toBe(true);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(Date.parse(cert.validFrom)).toBeLessThanOrEqual(now.getTime());
    const days = (Date.parse(cert.validTo) - now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(300);
    expect(days).toBeLessThan(400);
  });

  it('reuses valid files and renews the server certificate, keeping the CA, when it nearly expires', async () => {
    const first = await ensureDevCertificate(dir);
    expect(first.created).toBe(false);
    const caBefore = readFileSync(first.caPath, 'utf8');
    const certBefore = readFileSync(first.certPath, 'utf8');
    const later = new Date(Date.now() + 362 * 86_400_000);
    const renewed = await ensureDevCertificate(dir, later);
    expect(renewed.created).toBe(true);
    expect(readFileSync(renewed.caPath, 'utf8')).toBe(caBefore);
    expect(readFileSync(renewed.certPath, 'utf8')).not.toBe(certBefore);
  });

  it('serves HTTPS that a client trusting only the local CA accepts for localhost', async () => {
    const { cert, key, caPath } = await ensureDevCertificate(dir);
    const server = createServer({ cert, key }, (_req, res) => res.end('ok'));
    await new Promise<void>((done) => server.listen(0, 'localhost', done));
    const { port } = server.address() as AddressInfo;
    try {
      const body = await new Promise<string>((done, fail) => {
        request({ host: 'localhost', port, path: '/', ca: readFileSync(caPath), servername: 'localhost' }, (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => done(text));
        })
          .on('error', fail)
          .end();
      });
      expect(body).toBe('ok');
    } finally {
      server.close();
    }
  });
});
