import { execFile } from 'node:child_process';

/**
 * Advisories accepted on purpose, each with the reason. xlsx 0.18.5 comes in through danfojs
 * (DESIGN.md: `overrides: { xlsx: 0.18.5 }`, the last release on the npm registry); SegmentKit
 * never calls danfojs's Excel reader or writer (exceljs reads and writes workbooks), so the
 * vulnerable xlsx code paths are not reachable from SegmentKit with user data. The ids and
 * their CVEs were checked against the GitHub advisory database; neither fix is on the npm
 * registry (SheetJS publishes only on its own CDN since 0.19).
 */
export const ALLOWED_ADVISORIES: Readonly<Record<string, string>> = {
  'GHSA-4r6h-8v6p-xvw6': 'CVE-2023-30533, xlsx through 0.19.2: prototype pollution when reading a crafted file; only danfojs readExcel reads files with it, and SegmentKit never calls it',
  'GHSA-5pgg-2g8v-p4x9': 'CVE-2024-22363, xlsx before 0.20.2: regular-expression denial of service on crafted input; only danfojs readExcel parses files with it, and SegmentKit never calls it',
};

/** Severities that fail the check when not allow-listed. */
const FAILING = new Set(['high', 'critical']);

export interface AuditFinding {
  package: string;
  severity: string;
  /** GHSA id from the advisory URL, or npm's numeric source id. */
  id: string;
  title: string;
  url: string;
}

export type AuditOutcome =
  | { status: 'pass'; allowed: AuditFinding[]; other: AuditFinding[] }
  | { status: 'fail'; failing: AuditFinding[]; allowed: AuditFinding[] }
  | { status: 'unreachable'; reason: string };

interface AuditVia {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
}

/**
 * Reads `npm audit --json` output (npm 7+) and sorts its advisories into allow-listed, failing
 * (new and high or critical) and other (lower severity). Entries that only point at another
 * package (`via: ["xlsx"]`) carry no advisory of their own and are judged through that package.
 * An `error` object (offline, registry down) gives `unreachable`.
 *
 * @example
 * const outcome = judgeAudit(JSON.parse(stdout));
 * if (outcome.status === 'fail') console.error(outcome.failing.map((f) => f.id));
 */
export function judgeAudit(report: unknown, allowed: Readonly<Record<string, string>> = ALLOWED_ADVISORIES): AuditOutcome {
  if (typeof report !== 'object' || report === null) return { status: 'unreachable', reason: 'npm audit printed no JSON report' };
  const r = report as { message?: string; error?: { code?: string; summary?: string }; vulnerabilities?: Record<string, { severity?: string; via?: (string | AuditVia)[] }> };
  if (r.error) return { status: 'unreachable', reason: [r.error.code, r.error.summary].filter(Boolean).join(': ') || r.message || 'npm audit failed' };
  if (!r.vulnerabilities) return { status: 'unreachable', reason: 'npm audit printed no "vulnerabilities" section' };
  const seen = new Set<string>();
  const ok: AuditFinding[] = [];
  const failing: AuditFinding[] = [];
  const other: AuditFinding[] = [];
  for (const [pkg, v] of Object.entries(r.vulnerabilities)) {
    for (const via of v.via ?? []) {
      if (typeof via === 'string') continue;
      const url = via.url ?? '';
      const id = /GHSA-[\w-]+/.exec(url)?.[0] ?? String(via.source ?? 'unknown');
      const key = `${via.name ?? pkg}:${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const finding: AuditFinding = { package: via.name ?? pkg, severity: via.severity ?? v.severity ?? 'unknown', id, title: via.title ?? '', url };
      if (allowed[id]) ok.push(finding);
      else if (FAILING.has(finding.severity)) failing.push(finding);
      else other.push(finding);
    }
  }
  return failing.length ? { status: 'fail', failing, allowed: ok } : { status: 'pass', allowed: ok, other };
}

/**
 * Runs `npm audit --omit=dev --json` (production dependencies only) with a time limit. npm exits
 * non-zero whenever it finds anything, so the exit code is ignored and the JSON judged instead.
 *
 * @example
 * const outcome = await runAudit({ cwd: process.cwd(), timeoutMs: 60_000 });
 */
export function runAudit(options: { cwd: string; timeoutMs: number }): Promise<AuditOutcome> {
  return new Promise((resolve) => {
    execFile('npm', ['audit', '--omit=dev', '--json'], { cwd: options.cwd, timeout: options.timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (error, stdout) => {
      if (error && (error as { killed?: boolean }).killed) {
        resolve({ status: 'unreachable', reason: `npm audit did not finish within ${Math.round(options.timeoutMs / 1000)} s` });
        return;
      }
      try {
        resolve(judgeAudit(JSON.parse(stdout)));
      } catch {
        resolve({ status: 'unreachable', reason: error ? error.message.split('\n')[0] : 'npm audit printed no JSON report' });
      }
    });
  });
}

/** The report lines for an outcome, and the exit code: 1 only for new high or critical advisories. */
export function describeAudit(outcome: AuditOutcome): { lines: string[]; exitCode: number } {
  const line = (f: AuditFinding) => `${f.package} ${f.id} (${f.severity}) ${f.title}`.trim();
  if (outcome.status === 'unreachable') return { lines: [`• npm audit could not reach the registry (${outcome.reason}); dependencies were not audited this time.`], exitCode: 0 };
  const allowed = outcome.allowed.map((f) => `  allowed: ${line(f)} — ${ALLOWED_ADVISORIES[f.id] ?? 'allow-listed'}`);
  if (outcome.status === 'fail') {
    return { lines: [`✗ npm audit: ${outcome.failing.length} new high/critical advisor${outcome.failing.length === 1 ? 'y' : 'ies'} in production dependencies:`, ...outcome.failing.map((f) => `  ${line(f)} ${f.url}`), ...allowed], exitCode: 1 };
  }
  return { lines: [`✓ npm audit: no new high/critical advisories in production dependencies (${outcome.allowed.length} allow-listed, ${outcome.other.length} of lower severity).`, ...allowed], exitCode: 0 };
}

if (require.main === module) {
  runAudit({ cwd: process.cwd(), timeoutMs: 60_000 }).then((outcome) => {
    const { lines, exitCode } = describeAudit(outcome);
    for (const l of lines) (exitCode ? console.error : console.log)(l);
    process.exitCode = exitCode;
  });
}
