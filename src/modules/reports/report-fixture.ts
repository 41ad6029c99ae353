import { formatMeasure, formatQuantity, type Measure } from '../../domain/measure.js';
import { assessMilestone, assessProgress, type Direction } from '../../domain/progress.js';
import { explainProgress, STATUS_LABEL } from '../../domain/progress-explain.js';
import type { ReportDocument, ReportMeasure, ReportTarget } from './report-document.js';

/**
 * A realistic annual report of Sở Nội vụ Lạng Sơn for 2026 on the provincial plan 2026–2030 (seed 004:
 * 20 targets in 6 goals, texts and lead agencies as the plan writes them). The figures are invented, so the
 * document is marked as demo data; statuses and sentences come from the real progress method.
 */
export function sampleReportDocument(): ReportDocument {
  return {
    parentBody: 'UBND TỈNH LẠNG SƠN',
    issuer: 'SỞ NỘI VỤ',
    number: null,
    symbol: 'BC-SNV',
    place: 'Lạng Sơn',
    date: { day: null, month: 12, year: 2026 },
    title: 'Kết quả thực hiện công tác bình đẳng giới năm 2026',
    recipientLine: 'Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn',
    intro:
      'Thực hiện Kế hoạch số 86/KH-UBND ngày 24/4/2026 của UBND tỉnh Lạng Sơn thực hiện Chiến lược quốc gia ' +
      'về bình đẳng giới giai đoạn 2026 - 2030 trên địa bàn tỉnh Lạng Sơn; trên cơ sở báo cáo của các sở, ' +
      'ban, ngành và UBND các xã, phường, Sở Nội vụ báo cáo kết quả thực hiện công tác bình đẳng giới năm 2026 ' +
      '(số liệu tính từ ngày 15/12/2025 đến ngày 14/12/2026) như sau:',
    isDemo: true,
    goals: GOALS.map((g) => ({ code: g.code, title: g.title, targets: g.targets.map(buildTarget) })),
    lateOrMissing: [
      'Đến ngày 14/12/2026, còn 03/65 xã, phường chưa gửi báo cáo: xã Đình Lập, xã Bình Gia, xã Hữu Lũng.',
      'Sở Giáo dục và Đào tạo gửi báo cáo chậm 05 ngày so với thời hạn.',
      'Chưa có số liệu năm 2026 của chỉ tiêu 2.3 (tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã) và ' +
        'chỉ tiêu 3.1 (thời gian làm công việc nội trợ, chăm sóc không được trả công) do kết quả điều tra ' +
        'chưa được công bố; báo cáo sử dụng số liệu năm 2025.',
    ],
    activities:
      '- Tham mưu UBND tỉnh ban hành Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn ' +
      '2026 - 2030 và Kế hoạch công tác bình đẳng giới năm 2026; hướng dẫn các sở, ban, ngành, UBND các xã, ' +
      'phường xây dựng kế hoạch thực hiện.\n\n' +
      '- Tổ chức 12 lớp tập huấn nâng cao năng lực lồng ghép giới cho 960 lượt cán bộ, công chức cấp tỉnh ' +
      'và cấp xã (nữ chiếm 58,3%).\n\n' +
      '- Phối hợp tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở ' +
      'giới (từ ngày 15/11 đến ngày 15/12/2026) với chủ đề "Chung tay chấm dứt bạo lực trên cơ sở giới".\n\n' +
      '- Đưa vào sử dụng hệ thống theo dõi chỉ tiêu bình đẳng giới trên môi trường mạng; 62/65 xã, phường và ' +
      '18/19 sở, ban, ngành đã nhập số liệu năm 2026 trên hệ thống.',
    difficulties:
      '- Một số chỉ tiêu phụ thuộc kết quả điều tra của cơ quan thống kê, chưa có số liệu hằng năm ở cấp tỉnh.\n\n' +
      '- Đội ngũ làm công tác bình đẳng giới ở cấp xã chủ yếu kiêm nhiệm, thay đổi thường xuyên sau sắp xếp ' +
      'đơn vị hành chính; kinh phí bố trí cho công tác bình đẳng giới còn hạn chế.',
    proposals:
      '- Đề nghị UBND tỉnh chỉ đạo các sở, ban, ngành và UBND các xã, phường gửi báo cáo, số liệu đúng thời hạn; ' +
      'bố trí kinh phí thực hiện Kế hoạch năm 2027.\n\n' +
      '- Đề nghị Bộ Nội vụ hướng dẫn thống nhất cách thu thập số liệu các chỉ tiêu 3.1 và 3.2 ở cấp tỉnh.',
    signer: { authority: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Văn A' },
    recipients: [
      'UBND tỉnh (b/c)',
      'Vụ Công tác thanh niên và Bình đẳng giới, Bộ Nội vụ (b/c)',
      'Giám đốc, các Phó Giám đốc Sở',
      'Các sở, ban, ngành tỉnh',
      'UBND các xã, phường',
      'Lưu: VT, CTTN&BĐG',
    ],
    appendixTitle:
      'Phụ lục: Kết quả thực hiện các chỉ tiêu bình đẳng giới năm 2026 trên địa bàn tỉnh Lạng Sơn',
  };
}

const CURRENT_YEAR = 2026;

/** One measure of the plan with invented observations: [year, value] pairs and the latest split by sex. */
interface SampleMeasure {
  measure: Measure;
  direction: Direction;
  points: [number, number][];
  female?: number;
  male?: number;
  /** Defaults to the latest point; false when the figure exists only by sex (a women-only indicator). */
  total?: number | false;
  /** For milestones: evidence 0 (not started) … 1 (done). */
  evidence?: number;
}

interface SampleTarget {
  code: string;
  text: string;
  lead: string[];
  measures: SampleMeasure[];
}

const pct = (value: number, comparator: Measure['comparator'], year: number | null = 2030): Measure => ({
  value,
  unit: '%',
  comparator,
  year,
  baseline: null,
  per: null,
});
const higher: Direction = { kind: 'higher' };
const lower: Direction = { kind: 'lower' };

function buildMeasure(s: SampleMeasure): ReportMeasure {
  const m = s.measure;
  const q = (v: number | undefined) => (v === undefined ? null : formatQuantity(v, m.unit, 'vi'));
  if (m.unit === 'milestone') {
    const status = assessMilestone(s.evidence === undefined ? [] : [{ t: CURRENT_YEAR, value: s.evidence }]);
    return {
      label: m.label ?? null,
      target: formatMeasure(m, 'vi'),
      baseline: null,
      latest: {
        period: `năm ${CURRENT_YEAR}`,
        female: null,
        male: null,
        total: s.evidence === undefined ? null : q(s.evidence),
      },
      status: STATUS_LABEL.vi[status],
      statusKey: status,
      explanation: explainProgress(status, null, m, 'vi'),
      figures: sampleFigures(m, { total: s.evidence ?? null }),
    };
  }
  const points = s.points.map(([t, value]) => ({ t, value }));
  const result = assessProgress({
    points,
    direction: s.direction,
    target: m.year === null ? null : { value: m.value, comparator: m.comparator, year: m.year },
    baseline: m.baseline?.year != null ? { t: m.baseline.year, value: m.baseline.value } : null,
    currentYear: CURRENT_YEAR,
  });
  const last = points.at(-1);
  const base = m.baseline
    ? `${q(m.baseline.value)}${m.baseline.year === null ? '' : ` (năm ${m.baseline.year})`}`
    : result.base && points.length > 1
      ? `${q(result.base.value)} (năm ${result.base.t})`
      : null;
  return {
    label: m.label ?? null,
    target: formatMeasure({ ...m, baseline: null }, 'vi'),
    baseline: base,
    latest: {
      period: last ? `năm ${last.t}` : null,
      female: q(s.female),
      male: q(s.male),
      total: s.total === false ? null : q(s.total ?? last?.value),
    },
    status: STATUS_LABEL.vi[result.status],
    statusKey: result.status,
    explanation: explainProgress(result.status, result, m, 'vi'),
    figures: sampleFigures(m, {
      female: s.female ?? null,
      male: s.male ?? null,
      total: s.total === false ? null : (s.total ?? last?.value ?? null),
    }),
  };
}

/** The sample's figures as numbers: entered for the province itself, by sex where the sample gives them. */
function sampleFigures(
  m: Measure,
  values: { female?: number | null; male?: number | null; total: number | null },
): ReportMeasure['figures'] {
  const bySex = values.female !== undefined && values.female !== null;
  return {
    unit: m.unit,
    female: values.female ?? null,
    male: values.male ?? null,
    total: values.total,
    numerator: null,
    denominator: null,
    bySex,
    hasParts: false,
    coverage: null,
    source: values.total === null && !bySex ? null : 'Nhập trực tiếp',
  };
}

function buildTarget(t: SampleTarget): ReportTarget {
  return { code: t.code, text: t.text, lead: t.lead, measures: t.measures.map(buildMeasure) };
}

const SNV = 'Sở Nội vụ';
const SYT = 'Sở Y tế';
const SGD = 'Sở Giáo dục và Đào tạo';
const SVH = 'Sở Văn hóa, Thể thao và Du lịch';
const TK = 'Thống kê tỉnh';

const GOALS: { code: string; title: string; targets: SampleTarget[] }[] = [
  {
    code: '1',
    title: 'Trong lĩnh vực chính trị',
    targets: [
      {
        code: '1.1',
        text: 'phấn đấu đến năm 2030, đạt 75% các sở, ban, ngành và UBND các cấp có lãnh đạo chủ chốt là nữ',
        lead: [SNV],
        measures: [
          {
            measure: pct(75, '>='),
            direction: higher,
            points: [
              [2024, 58.3],
              [2025, 60.9],
              [2026, 62.5],
            ],
          },
        ],
      },
    ],
  },
  {
    code: '2',
    title: 'Trong lĩnh vực kinh tế, lao động',
    targets: [
      {
        code: '2.1',
        text: 'tăng tỷ lệ lao động nữ làm công hưởng lương đạt trên 60% vào năm 2030',
        lead: [SNV],
        measures: [
          {
            measure: pct(60, '>'),
            direction: higher,
            points: [
              [2022, 44.1],
              [2024, 46.8],
              [2026, 49.2],
            ],
            female: 49.2,
            male: 55.6,
            total: false,
          },
        ],
      },
      {
        code: '2.2',
        text:
          'giảm tỷ trọng lao động nữ làm việc trong khu vực nông nghiệp trong tổng số lao động nữ có việc ' +
          'làm xuống dưới 25% vào năm 2030',
        lead: [TK],
        measures: [
          {
            measure: pct(25, '<'),
            direction: lower,
            points: [
              [2022, 68.5],
              [2024, 65.9],
              [2026, 63.8],
            ],
            female: 63.8,
            male: 57.1,
            total: false,
          },
        ],
      },
      {
        code: '2.3',
        text: 'tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã đạt từ 30% trở lên vào năm 2030',
        lead: ['Sở Tài chính'],
        measures: [
          {
            measure: pct(30, '>='),
            direction: higher,
            points: [
              [2023, 24.6],
              [2025, 26.1],
            ],
          },
        ],
      },
    ],
  },
  {
    code: '3',
    title: 'Trong đời sống gia đình và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
    targets: [
      {
        code: '3.1',
        text:
          'giảm số giờ trung bình làm công việc nội trợ và chăm sóc trong gia đình không được trả công của ' +
          'phụ nữ còn 1,4 lần vào năm 2030 so với nam giới',
        lead: [TK],
        measures: [
          {
            measure: { value: 1.4, unit: 'times', comparator: '<=', year: 2030, baseline: null, per: null },
            direction: lower,
            points: [
              [2022, 1.9],
              [2025, 1.8],
            ],
          },
        ],
      },
      {
        code: '3.2',
        text:
          'đến năm 2030 đạt 90% người bị bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện, được tiếp ' +
          'cận ít nhất một trong các dịch vụ hỗ trợ cơ bản; 70% người gây bạo lực gia đình, bạo lực trên cơ ' +
          'sở giới được phát hiện ở mức chưa bị truy cứu trách nhiệm hình sự được tư vấn, tham vấn',
        lead: [SVH],
        measures: [
          {
            measure: { ...pct(90, '>='), label: 'người bị bạo lực được tiếp cận dịch vụ hỗ trợ' },
            direction: higher,
            points: [
              [2024, 78],
              [2025, 81.5],
              [2026, 84.2],
            ],
            female: 85.1,
            male: 79.3,
          },
          {
            measure: { ...pct(70, '>='), label: 'người gây bạo lực được tư vấn, tham vấn' },
            direction: higher,
            points: [
              [2024, 52],
              [2026, 55.4],
            ],
            female: 48.6,
            male: 56.2,
          },
        ],
      },
      {
        code: '3.3',
        text:
          '100% số nạn nhân bị mua bán trở về được phát hiện có nhu cầu hỗ trợ được hưởng các dịch vụ hỗ trợ ' +
          'và tái hòa nhập cộng đồng',
        lead: [SYT],
        measures: [
          {
            measure: pct(100, '='),
            direction: higher,
            points: [
              [2025, 100],
              [2026, 100],
            ],
            female: 100,
            male: 100,
          },
        ],
      },
      {
        code: '3.4',
        text:
          'phấn đấu đến năm 2030 có 100% cơ sở trợ giúp xã hội công lập triển khai các hoạt động trợ giúp, ' +
          'phòng ngừa và ứng phó với bạo lực trên cơ sở giới',
        lead: [SYT],
        measures: [
          {
            measure: pct(100, '>='),
            direction: higher,
            points: [
              [2024, 50],
              [2026, 75],
            ],
          },
        ],
      },
    ],
  },
  {
    code: '4',
    title: 'Trong lĩnh vực y tế',
    targets: [
      {
        code: '4.1',
        text: 'tỷ số giới tính khi sinh ở mức 109 bé trai/100 bé gái sinh ra sống vào năm 2030',
        lead: [SYT],
        measures: [
          {
            measure: { value: 109, unit: 'per100', comparator: '<=', year: 2030, baseline: null, per: null },
            direction: lower,
            points: [
              [2022, 113.2],
              [2024, 112.1],
              [2026, 110.6],
            ],
          },
        ],
      },
      {
        code: '4.2',
        text: 'tỷ lệ tử vong bà mẹ liên quan đến thai sản giảm còn 42/100.000 trẻ sinh sống vào năm 2030',
        lead: [SYT],
        measures: [
          {
            measure: {
              value: 42,
              unit: 'per100000',
              comparator: '<=',
              year: 2030,
              baseline: null,
              per: null,
            },
            direction: lower,
            points: [
              [2023, 61],
              [2025, 58],
            ],
          },
        ],
      },
      {
        code: '4.3',
        text:
          'tỷ suất sinh ở vị thành niên giảm từ 18 ca sinh/1.000 phụ nữ xuống dưới 18 ca sinh/1.000 phụ nữ ' +
          'vào năm 2030',
        lead: [SYT],
        measures: [
          {
            measure: {
              value: 18,
              unit: 'per1000',
              comparator: '<',
              year: 2030,
              baseline: { value: 18, year: null },
              per: null,
            },
            direction: lower,
            points: [
              [2024, 17.6],
              [2026, 18.3],
            ],
            female: 18.3,
            total: false,
          },
        ],
      },
      {
        code: '4.4',
        text:
          'phấn đấu đến năm 2030 có ít nhất một cơ sở y tế tuyến tỉnh cung cấp thí điểm dịch vụ chăm sóc sức ' +
          'khỏe dành cho người đồng tính, song tính và chuyển giới',
        lead: [SYT],
        measures: [
          {
            measure: { value: 1, unit: 'milestone', comparator: '=', year: 2030, baseline: null, per: null },
            direction: higher,
            points: [],
            evidence: 0.5,
          },
        ],
      },
    ],
  },
  {
    code: '5',
    title: 'Trong lĩnh vực giáo dục và đào tạo',
    targets: [
      {
        code: '5.1',
        text:
          'nội dung về giới, bình đẳng giới được đưa vào chương trình giảng dạy trong hệ thống giáo dục quốc ' +
          'dân và được giảng dạy chính thức ở trường sư phạm',
        lead: [SGD],
        measures: [
          {
            measure: { value: 1, unit: 'milestone', comparator: '=', year: 2030, baseline: null, per: null },
            direction: higher,
            points: [],
            evidence: 1,
          },
        ],
      },
      {
        code: '5.2',
        text:
          'tỷ lệ trẻ em trai và trẻ em gái dân tộc thiểu số hoàn thành giáo dục tiểu học đạt trên 99% và ' +
          'hoàn thành cấp trung học cơ sở đạt 90% vào năm 2030',
        lead: [SGD],
        measures: [
          {
            measure: { ...pct(99, '>'), label: 'hoàn thành giáo dục tiểu học' },
            direction: higher,
            points: [
              [2024, 98.7],
              [2026, 99.2],
            ],
            female: 99.3,
            male: 99.1,
          },
          {
            measure: { ...pct(90, '>='), label: 'hoàn thành trung học cơ sở' },
            direction: higher,
            points: [
              [2024, 85.9],
              [2026, 87.6],
            ],
            female: 88.4,
            male: 86.9,
          },
        ],
      },
      {
        code: '5.3',
        text:
          'tỷ lệ nữ học viên, học sinh, sinh viên được tuyển mới thuộc hệ thống giáo dục nghề nghiệp đạt 40% ' +
          'vào năm 2030',
        lead: [SGD],
        measures: [{ measure: pct(40, '>='), direction: higher, points: [[2026, 34.2]] }],
      },
      {
        code: '5.4',
        text:
          'phấn đấu tỷ lệ nữ thạc sĩ trong tổng số người có trình độ thạc sĩ đạt 50% và tỷ lệ nữ tiến sĩ ' +
          'trong tổng số người có trình độ tiến sĩ đạt 35%',
        lead: [SNV],
        measures: [
          {
            measure: { ...pct(50, '>='), label: 'nữ thạc sĩ' },
            direction: higher,
            points: [
              [2024, 46.1],
              [2026, 48],
            ],
          },
          {
            measure: { ...pct(35, '>='), label: 'nữ tiến sĩ' },
            direction: higher,
            points: [
              [2024, 23.5],
              [2026, 22.9],
            ],
          },
        ],
      },
    ],
  },
  {
    code: '6',
    title: 'Trong lĩnh vực thông tin, truyền thông',
    targets: [
      {
        code: '6.1',
        text:
          'phấn đấu đạt 80% trở lên dân số được tiếp cận kiến thức và nâng cao nhận thức cơ bản về bình ' +
          'đẳng giới',
        lead: [SNV],
        measures: [
          {
            measure: pct(80, '>='),
            direction: higher,
            points: [
              [2024, 68],
              [2025, 72.5],
              [2026, 74.1],
            ],
            female: 75.3,
            male: 72.9,
          },
        ],
      },
      {
        code: '6.2',
        text:
          '100% tổ chức Đảng, chính quyền, cơ quan hành chính, ban, ngành, đoàn thể các cấp được phổ biến, ' +
          'cập nhật thông tin về bình đẳng giới và cam kết thực hiện bình đẳng giới',
        lead: [SNV],
        measures: [
          {
            measure: pct(100, '>='),
            direction: higher,
            points: [
              [2025, 92],
              [2026, 96.5],
            ],
          },
        ],
      },
      {
        code: '6.3',
        text: '100% xã, phường, mỗi quý có ít nhất có 04 tin, bài về bình đẳng giới trên hệ thống thông tin cơ sở',
        lead: [SVH],
        measures: [
          {
            measure: {
              value: 4,
              unit: 'count',
              comparator: '>=',
              year: 2030,
              baseline: null,
              per: 'quarter',
            },
            direction: higher,
            points: [
              [2025, 2.6],
              [2026, 3.1],
            ],
          },
        ],
      },
      {
        code: '6.4',
        text:
          'duy trì đạt 100% đài phát thanh và đài truyền hình ở cấp tỉnh và địa phương có chuyên mục, chuyên ' +
          'đề nâng cao nhận thức về bình đẳng giới hàng tháng; đồng thời phát triển các sản phẩm truyền ' +
          'thông trên nền tảng số, mạng xã hội để tăng khả năng tiếp cận và tương tác với người dân',
        lead: [SVH],
        measures: [
          {
            measure: pct(100, '='),
            direction: higher,
            points: [
              [2025, 100],
              [2026, 100],
            ],
          },
        ],
      },
    ],
  },
];
