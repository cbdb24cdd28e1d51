// Finds Debian's Chromium, or installs it with apt-get when running as root. Never downloads a browser build.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || process.env.CHROMIUM_PATH) {
    console.error(
      `Chromium was not found at ${path}.\n` +
        `Install Debian's Chromium as root:  apt-get update && apt-get install -y chromium\n` +
        `or point CHROMIUM_PATH at an existing Chromium binary.`,
    );
    process.exit(1);
  }
  console.log(`Chromium missing at ${path}: installing Debian's chromium with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync('apt-get install -y -qq --no-install-recommends chromium', { stdio: 'inherit', env });
  if (!existsSync(path)) {
    console.error(`apt-get finished but ${path} is still missing.`);
    process.exit(1);
  }
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`Chromium: ${ensureChromium()}`);
