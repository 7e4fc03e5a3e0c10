#!/usr/bin/env node
// Compares CodeLedger's X12 parser with the npm parsers `x12-parser` and `node-x12` on the same
// generated 835 and 837P files, in one run, and prints the ratios. Manual only: keep it out of CI
// (it installs packages from npm and takes minutes).
//
//   node bench/x12-compare/compare.mjs [--size 50MB]
//
// 1. installs x12-parser and node-x12 into a temporary folder (never into the repository);
// 2. runs `x12-throughput --keep --json` (bench/CodeLedger.X12.Throughput), which generates the files deterministically,
//    parses them into typed claims and reports MB/s and peak working set;
// 3. runs each npm parser on the same files in its own node process (peak RSS from
//    process.resourceUsage().maxRSS) and prints a table with CodeLedger's speed-up.
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const [, , mode, ...rest] = process.argv;

if (mode === '--child') {
  const [library, file, modules] = rest;
  const require = createRequire(join(modules, 'package.json'));
  const started = process.hrtime.bigint();
  const done = (segments) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const peak = process.resourceUsage().maxRSS * 1024;
    process.stdout.write(JSON.stringify({ library, seconds, peak, segments }));
  };
  if (library === 'x12-parser') {
    const { X12parser } = require('x12-parser');
    let segments = 0;
    createReadStream(file).pipe(new X12parser()).on('data', () => { segments++; }).on('end', () => done(segments));
  } else {
    const { X12Parser } = require('node-x12');
    const interchange = new X12Parser(true).parse(readFileSync(file, 'utf8'));
    let segments = 0;
    for (const group of interchange.functionalGroups) for (const tx of group.transactions) segments += tx.segments.length;
    done(segments);
  }
} else {
  const args = [mode, ...rest].filter(Boolean);
  const sizeIndex = args.indexOf('--size');
  const size = sizeIndex >= 0 ? args[sizeIndex + 1] : '50MB';
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const work = mkdtempSync(join(tmpdir(), 'codeledger-x12-compare-'));
  try {
    console.log(`installing x12-parser and node-x12 into ${work}`);
    execFileSync('npm', ['init', '-y'], { cwd: work, stdio: 'ignore' });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', 'x12-parser@1.3.0', 'node-x12@1.7.1'], { cwd: work, stdio: 'inherit' });

    console.log(`generating and parsing ${size} files with CodeLedger`);
    const cli = execFileSync('dotnet', ['run', '-c', 'Release', '--project', join(repo, 'bench', 'CodeLedger.X12.Throughput'), '--',
      '--size', size, '--kind', 'both', '--keep', '--dir', work, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const ours = JSON.parse(cli.trim().split('\n').pop());

    const rows = [];
    for (const m of ours) {
      const mb = m.bytes / 1e6;
      rows.push({ file: m.kind, library: 'CodeLedger', mbps: m.megabytesPerSecond, peakMb: m.parsePeakWorkingSetBytes / 1e6 });
      for (const library of ['x12-parser', 'node-x12']) {
        const child = spawnSync(process.execPath, ['--max-old-space-size=16384', fileURLToPath(import.meta.url), '--child', library, m.file, work],
          { encoding: 'utf8', maxBuffer: 1 << 26 });
        if (child.status !== 0) {
          rows.push({ file: m.kind, library, mbps: NaN, peakMb: NaN, note: (child.stderr || '').split('\n')[0] });
          continue;
        }
        const r = JSON.parse(child.stdout);
        rows.push({ file: m.kind, library, mbps: mb / r.seconds, peakMb: r.peak / 1e6 });
      }
      rmSync(m.file, { force: true });
      console.log(`${m.kind}: ${(m.bytes / 1e6).toFixed(1)} MB, ${m.claims} claims`);
    }

    console.log('\nfile  library        MB/s     peak MB   CodeLedger speed-up');
    for (const row of rows) {
      const base = rows.find((r) => r.file === row.file && r.library === 'CodeLedger');
      const ratio = row.library === 'CodeLedger' ? '' : `${(base.mbps / row.mbps).toFixed(1)}x`;
      console.log(`${row.file.padEnd(5)} ${row.library.padEnd(12)} ${row.mbps.toFixed(1).padStart(8)} ${row.peakMb.toFixed(0).padStart(10)}   ${ratio}${row.note ? `  (${row.note})` : ''}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
