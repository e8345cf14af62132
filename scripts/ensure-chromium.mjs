// Playwright cannot download its own browsers here: the end-to-end tests drive Debian's Chromium.
// Installs it (apt-get, as root) when /usr/bin/chromium is missing and CHROMIUM_PATH is not set.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH points to ${path}, which does not exist.`);
  process.exit(1);
}
console.log("Chromium is missing: installing Debian's chromium package (apt-get)…");
const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
try {
  execSync(
    `${sudo}apt-get update -q && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium`,
    { stdio: 'inherit' },
  );
} catch {
  console.error(
    'Could not install chromium with apt-get. Install it, or set CHROMIUM_PATH to a Chromium binary.',
  );
  process.exit(1);
}
