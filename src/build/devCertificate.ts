import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface DevCertificate {
  /** PEM of the server certificate for localhost, followed by the local CA that signed it. */
  cert: string;
  /** PEM of the server's private key. */
  key: string;
  /** The local CA certificate a developer trusts once (see INSTALL.md). */
  caPath: string;
  certPath: string;
  keyPath: string;
  /** True when this call created new files. */
  created: boolean;
}

/** Renew the server certificate this long before it expires, so a dev session never hits the edge. */
const RENEW_MARGIN_MS = 7 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
/** Browsers and macOS reject server certificates valid longer than 825 days; one year is plenty. */
const SERVER_DAYS = 365;
const CA_DAYS = 3 * 365;

function stillGood(certPath: string, caPath: string, now: Date): boolean {
  if (!existsSync(certPath) || !existsSync(caPath)) return false;
  try {
    const cert = new X509Certificate(readFileSync(certPath));
    const ca = new X509Certificate(readFileSync(caPath));
    const from = Math.max(Date.parse(cert.validFrom), Date.parse(ca.validFrom));
    const until = Math.min(Date.parse(cert.validTo), Date.parse(ca.validTo));
    return from <= now.getTime() && until - now.getTime() > RENEW_MARGIN_MS && cert.checkIssued(ca) && cert.checkHost('localhost') !== undefined;
  } catch {
    return false;
  }
}

/**
 * Makes sure `<projectDir>/.certs/` holds a local certificate authority and a localhost server
 * certificate signed by it, creating or renewing them as needed. Nothing is installed into the
 * system trust store: the developer trusts `.certs/ca.crt` once by hand (INSTALL.md says how), and
 * later renewals of the server certificate keep working because the CA stays the same.
 *
 * @example
 * const { cert, key } = await ensureDevCertificate(process.cwd());
 * https.createServer({ cert, key }, app).listen(3000);
 */
export async function ensureDevCertificate(projectDir: string, now: Date = new Date()): Promise<DevCertificate> {
  const dir = join(projectDir, '.certs');
  const caPath = join(dir, 'ca.crt');
  const caKeyPath = join(dir, 'ca.key');
  const certPath = join(dir, 'localhost.crt');
  const keyPath = join(dir, 'localhost.key');
  let created = false;

  if (!stillGood(certPath, caPath, now)) {
    mkdirSync(dir, { recursive: true });
    let ca: { cert: string; key: string };
    const existingCa = existsSync(caPath) && existsSync(caKeyPath) ? new X509Certificate(readFileSync(caPath)) : undefined;
    const caStillValid = existingCa !== undefined && Date.parse(existingCa.validFrom) <= now.getTime() && Date.parse(existingCa.validTo) - now.getTime() > RENEW_MARGIN_MS;
    if (caStillValid) {
      ca = { cert: readFileSync(caPath, 'utf8'), key: readFileSync(caKeyPath, 'utf8') };
    } else {
      const made = await generate([{ name: 'commonName', value: 'SegmentKit local development CA' }], {
        keyType: 'ec',
        curve: 'P-256',
        algorithm: 'sha256',
        notBeforeDate: new Date(now.getTime() - DAY_MS),
        notAfterDate: new Date(now.getTime() + CA_DAYS * DAY_MS),
        extensions: [
          { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        ],
      });
      ca = { cert: made.cert, key: made.private };
      writeFileSync(caPath, ca.cert);
      writeFileSync(caKeyPath, ca.key, { mode: 0o600 });
    }
    const server = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - DAY_MS),
      notAfterDate: new Date(now.getTime() + SERVER_DAYS * DAY_MS),
      ca,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
      ],
    });
    writeFileSync(certPath, server.cert);
    writeFileSync(keyPath, server.private, { mode: 0o600 });
    created = true;
  }
  return {
    cert: `${readFileSync(certPath, 'utf8').trim()}\n${readFileSync(caPath, 'utf8').trim()}\n`,
    key: readFileSync(keyPath, 'utf8'),
    caPath,
    certPath,
    keyPath,
    created,
  };
}
