import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TEXT_LIMIT } from '../domain/input-limits.js';
import { AppError } from '../core/errors.js';

/** Deepest nesting of a JSON body: deeper input would only exhaust the stack of recursive code later on. */
export const DEPTH_LIMIT = 64;

interface Problem {
  path: string;
  message: string;
  code: string;
}

const jsonPath = (base: string, key: string | number) =>
  typeof key === 'number'
    ? `${base}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${base}.${key}`
      : `${base}[${JSON.stringify(key)}]`;

/** True when the text has no lone UTF-16 surrogate (which no UTF-8 column can store). */
const isWellFormed = (text: string) => !/\p{Surrogate}/u.test(text);

/** "line 3" of a text for the character at `index`. */
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * The first problem in a parsed request part: a NUL character (PostgreSQL text cannot hold it), a lone UTF-16
 * surrogate (ill-formed Unicode, which cannot be encoded to UTF-8), a text longer than TEXT_LIMIT, or nesting deeper
 * than DEPTH_LIMIT. Iterative, so that no input can overflow the stack here.
 * A whole-body string (CSV) is only checked for NUL; its own parser limits its cells.
 */
export function findInputProblem(value: unknown, root: string): Problem | null {
  if (typeof value === 'string') {
    const at = value.indexOf('\u0000');
    if (at < 0) return null;
    return {
      path: `${root} (line ${lineOf(value, at)})`,
      code: 'nul_character',
      message: `Dữ liệu chứa ký tự NUL (\\u0000) ở dòng ${lineOf(value, at)}, không lưu được / NUL character`,
    };
  }
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) {
        return {
          path,
          code: 'nul_character',
          message: `${path}: chứa ký tự NUL (\\u0000), không lưu được / NUL character not allowed`,
        };
      }
      if (!isWellFormed(v)) {
        return {
          path,
          code: 'invalid_unicode',
          message: `${path}: chứa ký tự Unicode hỏng (nửa cặp UTF-16 lẻ loi), không lưu được / ill-formed Unicode`,
        };
      }
      if (v.length > TEXT_LIMIT) {
        return {
          path,
          code: 'text_too_long',
          message: `${path}: dài quá ${TEXT_LIMIT.toLocaleString('vi-VN')} ký tự / text too long`,
        };
      }
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= DEPTH_LIMIT) {
      return {
        path,
        code: 'too_deep',
        message: `${path}: lồng nhau quá ${DEPTH_LIMIT} cấp / nested too deeply`,
      };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ value: v[i], path: jsonPath(path, i), depth: depth + 1 });
    } else {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        const keyPath = jsonPath(path, k);
        // Keys are text too (they end up in jsonb columns and audit rows).
        const keyProblem = findInputProblem(k, `${keyPath} (tên trường)`);
        if (keyProblem) return { ...keyProblem, path: keyPath };
        stack.push({ value: child, path: keyPath, depth: depth + 1 });
      }
    }
  }
  return null;
}

function check(req: FastifyRequest): void {
  for (const [part, value] of [
    ['params', req.params],
    ['query', req.query],
    ['body', req.body],
  ] as const) {
    if (Buffer.isBuffer(value)) continue; // uploaded files are bytes, not text
    const problem = findInputProblem(value, `$.${part}`);
    if (problem) {
      throw new AppError('VALIDATION_FAILED', problem.message, [
        { path: problem.path, message: problem.message, code: problem.code },
      ]);
    }
  }
}

/**
 * Refuses, at the edge and before any route's own validation, request parts that no column could store: NUL
 * characters anywhere (body, query, params), texts beyond TEXT_LIMIT, nesting beyond DEPTH_LIMIT. Answers 400 naming
 * where.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => check(req));
}
