import fs from 'node:fs';
import path from 'node:path';
import { planJsonSchema } from '../modules/plans/plan-format.js';

/** Published format files: regenerated from the zod schemas by `npm run cli -- formats`. */
export const FORMAT_FILES: Record<string, () => object> = {
  'docs/formats/binhdang.plan-1.schema.json': planJsonSchema,
};

export function renderFormatFile(make: () => object): string {
  return `${JSON.stringify(make(), null, 2)}\n`;
}

const USAGE = `binhdang <command>
  formats   write the JSON Schemas of the interchange formats into docs/formats/`;

function main(argv: string[]): number {
  const [command] = argv;
  if (command === 'formats') {
    for (const [file, make] of Object.entries(FORMAT_FILES)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, renderFormatFile(make));
      console.log(`wrote ${file}`);
    }
    return 0;
  }
  console.error(USAGE);
  return command ? 2 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
