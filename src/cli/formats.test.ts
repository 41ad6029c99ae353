import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_FILES, renderFormatFile } from './main.js';

describe('published format files', () => {
  it.each(Object.entries(FORMAT_FILES))(
    '%s is up to date with its zod schema (npm run cli -- formats)',
    (file, make) => {
      expect(fs.readFileSync(file, 'utf8')).toBe(renderFormatFile(make));
    },
  );
});
