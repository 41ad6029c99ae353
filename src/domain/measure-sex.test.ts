import { describe, expect, it } from 'vitest';
import { commitsForEachSex } from './measure.js';

describe('commitsForEachSex', () => {
  it.each([
    ['tỷ lệ trẻ em trai và trẻ em gái dân tộc thiểu số hoàn thành giáo dục tiểu học đạt trên 99%', true],
    ['tỷ lệ nam và nữ có việc làm', true],
    ['học sinh nữ và nam được tư vấn', true],
    ['tỷ số giới tính khi sinh ở mức 109 bé trai/100 bé gái', false],
    ['tỷ lệ lao động nữ làm công hưởng lương đạt trên 60%', false],
    ['75% các sở, ban, ngành có lãnh đạo chủ chốt là nữ', false],
  ])('%s → %s', (text, expected) => {
    expect(commitsForEachSex(text)).toBe(expected);
  });
});
