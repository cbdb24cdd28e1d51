import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILD_ID_PLACEHOLDER, buildIdOf } from '../../src/offline/build.ts';

describe('the build id the service worker carries', () => {
  it('changes when any file of the build changes, and only then', () => {
    const files = ['assets/index-abc.js', 'index.html', 'favicon.svg'];
    const same = buildIdOf([...files].reverse(), ['<html>v1', '<svg/>']);
    expect(buildIdOf(files, ['<html>v1', '<svg/>'])).toBe(same);
    expect(buildIdOf(['assets/index-abd.js', 'index.html', 'favicon.svg'], ['<html>v1', '<svg/>'])).not.toBe(
      same,
    );
    expect(buildIdOf(files, ['<html>v2', '<svg/>'])).not.toBe(same);
    expect(buildIdOf(files, ['<html>v1', '<svg>new</svg>'])).not.toBe(same);
  });

  it('is written into the worker where its placeholder stands', () => {
    const source = readFileSync('src/offline/serviceWorker.ts', 'utf8');
    expect(source).toContain(`'${BUILD_ID_PLACEHOLDER}'`);
  });
});
