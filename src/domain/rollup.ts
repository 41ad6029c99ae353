import type { Aggregation } from './indicator.js';

export interface Figure {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/**
 * A parent's figure from its children by the indicator's rule: ratio = Σ numerators / Σ denominators ×
 * multiplier (never an average of percentages); sum of counts; min or max over units. Null when the rule
 * cannot be applied (no children, "none", or a ratio child without its parts).
 */
export function rollUp(
  aggregation: Aggregation,
  multiplier: number | null,
  children: readonly Figure[],
): Figure | null {
  if (children.length === 0) return null;
  switch (aggregation) {
    case 'ratio': {
      if (multiplier === null || children.some((c) => c.numerator === null || c.denominator === null))
        return null;
      const numerator = children.reduce((s, c) => s + c.numerator!, 0);
      const denominator = children.reduce((s, c) => s + c.denominator!, 0);
      if (denominator === 0) return null;
      return { value: (numerator / denominator) * multiplier, numerator, denominator };
    }
    case 'sum':
      return { value: children.reduce((s, c) => s + c.value, 0), numerator: null, denominator: null };
    case 'min':
      return { value: Math.min(...children.map((c) => c.value)), numerator: null, denominator: null };
    case 'max':
      return { value: Math.max(...children.map((c) => c.value)), numerator: null, denominator: null };
    case 'none':
      return null;
  }
}
