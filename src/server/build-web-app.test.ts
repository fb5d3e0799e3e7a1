import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceFingerprint, webAppIsStale } from './build-web-app.ts';

function builtWebFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'herd-web-'));
  mkdirSync(join(folder, 'src', 'features'), { recursive: true });
  mkdirSync(join(folder, 'dist'));
  writeFileSync(join(folder, 'index.html'), '<div id="root"></div>');
  writeFileSync(join(folder, 'src', 'main.tsx'), 'render(<App />);');
  writeFileSync(join(folder, 'src', 'features', 'inbox.tsx'), 'export const Inbox = () => null;');
  writeFileSync(join(folder, 'dist', 'index.html'), '<script src="/assets/app.js"></script>');
  writeFileSync(join(folder, 'dist', '.source-fingerprint'), sourceFingerprint(folder));
  return folder;
}

it('calls a build stale when a source changes, even one whose file time is older than the build', () => {
  const folder = builtWebFolder();
  assert.equal(webAppIsStale(folder), false);
  const source = join(folder, 'src', 'features', 'inbox.tsx');
  writeFileSync(source, 'export const Inbox = () => "changed";');
  utimesSync(source, new Date('2020-01-01'), new Date('2020-01-01'));
  assert.equal(webAppIsStale(folder), true);
});

it('calls a build fresh when only file times changed', () => {
  const folder = builtWebFolder();
  const later = new Date(Date.now() + 3_600_000);
  utimesSync(join(folder, 'src', 'main.tsx'), later, later);
  assert.equal(webAppIsStale(folder), false);
});

it('calls a build stale when a source is added or renamed, or the page around the app changes', () => {
  const added = builtWebFolder();
  writeFileSync(join(added, 'src', 'features', 'crisis.tsx'), '');
  assert.equal(webAppIsStale(added), true);
  const page = builtWebFolder();
  writeFileSync(join(page, 'index.html'), '<div id="root" class="dark"></div>');
  assert.equal(webAppIsStale(page), true);
});

it('calls a folder without a build, or a build without its fingerprint, stale', () => {
  const folder = mkdtempSync(join(tmpdir(), 'herd-web-'));
  mkdirSync(join(folder, 'src'));
  assert.equal(webAppIsStale(folder), true);
  mkdirSync(join(folder, 'dist'));
  writeFileSync(join(folder, 'dist', 'index.html'), '');
  assert.equal(webAppIsStale(folder), true);
});
