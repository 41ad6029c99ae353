import { describe, expect, it } from 'vitest';
import { dataSentences, type DataFacts } from './report-sentences.js';

const facts = (over: Partial<DataFacts>): DataFacts => ({
  year: 2026,
  submissions: null,
  measures: [],
  ...over,
});
const measure = (
  target: string,
  latestPeriod: string | null,
  partial: DataFacts['measures'][number]['partial'] = null,
) => ({
  target,
  latestPeriod,
  partial,
});

describe('dataSentences', () => {
  it('says the units have all submitted only when every owed unit has', () => {
    const due = '2026-12-01';
    expect(dataSentences(facts({ submissions: { owed: 3, notSubmitted: [], due } }))).toEqual([
      'Các đơn vị (3/3) đã gửi đầy đủ số liệu của kỳ báo cáo.',
    ]);
    const late = dataSentences(
      facts({ submissions: { owed: 3, notSubmitted: [{ name: 'UBND xã A', daysLate: 6 }], due } }),
    );
    expect(late).toEqual(['Đến hạn 01/12/2026, còn 1/3 đơn vị chưa gửi số liệu: UBND xã A (chậm 6 ngày).']);
    expect(late.join(' ')).not.toContain('đầy đủ');
  });

  it('says nothing about submissions outside the province report, nor when nobody owes it', () => {
    expect(dataSentences(facts({}))).toEqual([]);
    expect(dataSentences(facts({ submissions: { owed: 0, notSubmitted: [], due: '2026-12-01' } }))).toEqual(
      [],
    );
  });

  it('names the targets without figures, those resting on an earlier year and the partial newer ones', () => {
    const coverage = { owed: 65, reported: 1, missing: [] };
    expect(
      dataSentences(
        facts({
          measures: [
            measure('1.1', '2026'),
            measure('2.1', '2025'),
            measure('6.1', '2025', { period: '2026', coverage }),
            measure('4.1', '2025', { period: '2026', coverage }),
            measure('5.1', null),
            measure('6.3', '2025-Q4'),
          ],
        }),
      ),
    ).toEqual([
      'Chưa có số liệu được tiếp nhận cho chỉ tiêu: 5.1.',
      'Số liệu của chỉ tiêu 2.1, 6.1, 4.1 là số liệu năm 2025.',
      'Số liệu của chỉ tiêu 6.3 là số liệu quý IV/2025.',
      'Chỉ tiêu 6.1, 4.1: số liệu năm 2026 mới có 1/65 đơn vị đã báo cáo, chưa đủ để dùng cho đánh giá.',
    ]);
  });
});
