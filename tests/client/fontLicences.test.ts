/**
 * Every font the client bundles is listed in assets/fonts/README.md with its licence text beside
 * it, word for word as its package ships it (the SIL OFL asks that the licence travels with the
 * font).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const FONTS = join(ROOT, 'assets/fonts');

/** The @fontsource packages the client's code imports. */
function bundledFontPackages(): string[] {
  const sources = readdirSync(join(ROOT, 'client'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|css|html)$/.test(f))
    .map((f) => readFileSync(join(ROOT, 'client', f), 'utf8'));
  return [...new Set(sources.flatMap((text) => [...text.matchAll(/@fontsource\/([\w-]+)/g)].map((m) => `@fontsource/${m[1]!}`)))].sort();
}

describe('font licences', () => {
  const readme = readFileSync(join(FONTS, 'README.md'), 'utf8');

  it('finds the fonts the client bundles', () => {
    expect(bundledFontPackages()).toEqual(['@fontsource/noto-sans-kr']);
  });

  it.each(bundledFontPackages())('lists %s with its licence, whose text is beside the README', (pkg) => {
    expect(readme).toContain(`\`${pkg}\``);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { license: string };
    expect(readme).toContain(`(\`${manifest.license}\`)`);
    const licenceFiles = [...readme.matchAll(/\]\(([\w.-]+\.txt)\)/g)].map((m) => m[1]!);
    const shipped = readFileSync(join(ROOT, 'node_modules', pkg, 'LICENSE'), 'utf8');
    const copies = licenceFiles.filter((f) => existsSync(join(FONTS, f)) && readFileSync(join(FONTS, f), 'utf8') === shipped);
    expect(copies, `a copy of ${pkg}/LICENSE in assets/fonts, linked from its README`).toHaveLength(1);
  });
});
