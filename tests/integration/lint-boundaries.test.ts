// The architecture's boundaries are lint rules; prove they bite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint boundaries', () => {
  it('fails when the core imports Electron or React', async () => {
    expect(await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'src/catalog/forbidden.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import { useState } from 'react';\nexport const s = useState;\n", 'src/catalog/forbidden.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('fails when the core uses DOM globals', async () => {
    expect(await ruleIds('export const title = document.title;\n', 'src/catalog/forbidden.ts')).toContain('no-restricted-globals');
    expect(await ruleIds("export const get = () => window.localStorage.getItem('x');\n", 'src/shared/forbidden.ts')).toContain(
      'no-restricted-globals',
    );
  });

  it('lets the renderer import contracts but not the core itself', async () => {
    const path = 'renderer/src/pages/forbidden.ts';
    expect(await ruleIds("import { createCore } from '../../../src/core.js';\nexport const c = createCore;\n", path)).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import { openDatabase } from '../../../src/db/open.js';\nexport const o = openDatabase;\n", path)).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import { contract } from '../../../src/contract.js';\nexport const c = contract;\n", path)).toEqual([]);
    expect(await ruleIds("import { catalogContract } from '../../../src/catalog/contract.js';\nexport const c = catalogContract;\n", path)).toEqual([]);
  });
});
