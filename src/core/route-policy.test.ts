import { describe, expect, it } from 'vitest';
import { stringField, unitIn, uuidParam } from './route-policy.js';
import type { FastifyRequest } from 'fastify';

const request = (parts: { params?: unknown; query?: unknown; body?: unknown }) =>
  parts as unknown as FastifyRequest;

describe('unitIn', () => {
  it('reads the unit from the named part of the request, exactly as sent', () => {
    const req = request({ params: { code: '20' }, query: { unit: ' 20-SNV' }, body: { orgUnit: '06436' } });
    expect(unitIn('params', 'code')(req)).toEqual(['20']);
    expect(unitIn('query', 'unit')(req)).toEqual([' 20-SNV']);
    expect(unitIn('body', 'orgUnit')(req)).toEqual(['06436']);
  });

  it('answers null for a unit it cannot read, so the policy fails closed', () => {
    expect(unitIn('body', 'unit')(request({ body: null }))).toEqual([null]);
    expect(unitIn('body', 'unit')(request({ body: ['20'] }))).toEqual([null]);
    expect(unitIn('body', 'unit')(request({ body: { unit: 20 } }))).toEqual([null]);
    expect(unitIn('query', 'unit')(request({ query: { unit: '' } }))).toEqual([null]);
    expect(unitIn('params', 'code')(request({}))).toEqual([null]);
  });
});

describe('stringField and uuidParam', () => {
  it('keep only non-empty strings, and for ids only UUIDs', () => {
    expect(stringField({ a: 'x' }, 'a')).toBe('x');
    expect(stringField({ a: 1 }, 'a')).toBeNull();
    const id = '0b8f5a52-2f4e-4d7e-9a0c-0c5a1f2b3c4d';
    expect(uuidParam(request({ params: { id } }))).toBe(id);
    expect(uuidParam(request({ params: { id: "1' or 1=1" } }))).toBeNull();
  });
});
