// The shell's folders are layers (src/gas/README.md): a file imports from its own folder and the
// ones below it, never from one above, and each folder's README names every file in it.

import { readdirSync, readFileSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';

const GAS = join(__dirname, '../../src/gas');
/** Bottom first, as src/gas/README.md lists them from the top. */
const LAYERS = ['io', 'master', 'tracking', 'reports', 'campaign', 'admin'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(GAS, folder)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
}

describe('the shell’s layers', () => {
  it('has every file of src/gas in one of the layer folders', () => {
    const loose = readdirSync(GAS).filter((name) => name.endsWith('.ts'));
    expect(loose).toEqual([]);
    const folders = readdirSync(GAS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual([...LAYERS].sort());
  });

  it('imports only from its own layer and those below', () => {
    const upward: string[] = [];
    for (const layer of LAYERS) {
      for (const name of sourceFiles(layer)) {
        const text = readFileSync(join(GAS, layer, name), 'utf8');
        for (const match of text.matchAll(/from '(\.[^']+)'/g)) {
          const target = relative(GAS, normalize(join(GAS, layer, match[1] ?? '')));
          const targetLayer = target.split('/')[0] ?? '';
          if (LAYERS.indexOf(targetLayer) > LAYERS.indexOf(layer))
            upward.push(`${layer}/${name} -> ${target}`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it.each(LAYERS)('describes every file of %s/ in its README', (layer) => {
    const readme = readFileSync(join(GAS, layer, 'README.md'), 'utf8');
    const missing = sourceFiles(layer).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
