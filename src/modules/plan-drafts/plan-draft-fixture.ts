import type { PlanDraftDocument } from './plan-draft-document.js';

/**
 * Sở Y tế Lạng Sơn's 2027 plan implementing the provincial plan 2026–2030 (seed 004). Section VI.4 of that
 * plan makes the Sở lead targets 3.3, 3.4 and 4.1–4.4 and coordinate on 3.2; the target texts are the
 * plan's own. The 2027 levels, tasks, unit names and signer are invented, so the draft is marked as demo.
 */
export function samplePlanDraft(): PlanDraftDocument {
  return {
    type: 'KH',
    parentBody: 'UBND TỈNH LẠNG SƠN',
    issuer: 'SỞ Y TẾ',
    number: null,
    symbol: 'KH-SYT',
    place: 'Lạng Sơn',
    date: { day: null, month: null, year: 2027 },
    legalBases: [],
    addressees: [],
    title: 'Thực hiện công tác bình đẳng giới năm 2027',
    preamble:
      'Thực hiện Kế hoạch số …/KH-UBND ngày … tháng 4 năm 2026 của UBND tỉnh Lạng Sơn về thực hiện Chiến ' +
      'lược quốc gia về bình đẳng giới giai đoạn 2026 - 2030 trên địa bàn tỉnh Lạng Sơn; Sở Y tế ban hành ' +
      'Kế hoạch thực hiện công tác bình đẳng giới năm 2027 như sau:',
    isDemo: true,
    purposes: [
      'Triển khai có hiệu quả các mục tiêu, chỉ tiêu về bình đẳng giới trong lĩnh vực y tế và trợ giúp xã ' +
        'hội được UBND tỉnh giao cho Sở Y tế; góp phần đưa tỷ số giới tính khi sinh về mức cân bằng tự ' +
        'nhiên, giảm tử vong mẹ và tỷ suất sinh ở vị thành niên, bảo đảm người bị bạo lực trên cơ sở giới ' +
        'được tiếp cận dịch vụ hỗ trợ.',
      'Nâng cao nhận thức, trách nhiệm của lãnh đạo, công chức, viên chức và người lao động toàn ngành y ' +
        'tế trong thực hiện bình đẳng giới, phòng ngừa và ứng phó với bạo lực trên cơ sở giới.',
    ],
    requirements: [
      'Bám sát nhiệm vụ được giao tại Kế hoạch của UBND tỉnh; xác định rõ nội dung, thời gian thực hiện ' +
        'và trách nhiệm của từng phòng chuyên môn, đơn vị trực thuộc Sở; lồng ghép với kế hoạch chuyên môn ' +
        'năm 2027 của ngành.',
      'Thu thập, tổng hợp số liệu tách biệt theo giới tính đầy đủ, chính xác; thực hiện báo cáo đúng nội ' +
        'dung, đúng thời hạn.',
    ],
    targets: [
      {
        code: '1',
        parentCode: '3.3',
        role: 'lead',
        text:
          '100% số nạn nhân bị mua bán trở về được phát hiện có nhu cầu hỗ trợ được hưởng các dịch vụ hỗ ' +
          'trợ và tái hòa nhập cộng đồng',
        measures: ['100% (duy trì) vào năm 2027'],
      },
      {
        code: '2',
        parentCode: '3.4',
        role: 'lead',
        text:
          'phấn đấu đến năm 2030 có 100% cơ sở trợ giúp xã hội công lập triển khai các hoạt động trợ giúp, ' +
          'phòng ngừa và ứng phó với bạo lực trên cơ sở giới',
        measures: ['≥ 80% vào năm 2027'],
      },
      {
        code: '3',
        parentCode: '4.1',
        role: 'lead',
        text: 'tỷ số giới tính khi sinh ở mức 109 bé trai/100 bé gái sinh ra sống vào năm 2030',
        measures: ['≤ 110,5 bé trai/100 bé gái sinh ra sống vào năm 2027'],
      },
      {
        code: '4',
        parentCode: '4.2',
        role: 'lead',
        text: 'tỷ lệ tử vong bà mẹ liên quan đến thai sản giảm còn 42/100.000 trẻ sinh sống vào năm 2030',
        measures: ['≤ 52/100.000 trẻ sinh sống vào năm 2027'],
      },
      {
        code: '5',
        parentCode: '4.3',
        role: 'lead',
        text:
          'tỷ suất sinh ở vị thành niên giảm từ 18 ca sinh/1.000 phụ nữ xuống dưới 18 ca sinh/1.000 phụ nữ ' +
          'vào năm 2030',
        measures: ['< 18 ca sinh/1.000 phụ nữ vào năm 2027'],
      },
      {
        code: '6',
        parentCode: '4.4',
        role: 'lead',
        text:
          'phấn đấu đến năm 2030 có ít nhất một cơ sở y tế tuyến tỉnh cung cấp thí điểm dịch vụ chăm sóc ' +
          'sức khỏe dành cho người đồng tính, song tính và chuyển giới',
        measures: ['năm 2027: hoàn thành khảo sát nhu cầu và phương án thí điểm tại Bệnh viện Đa khoa tỉnh'],
      },
      {
        code: '7',
        parentCode: '3.2',
        role: 'coordinate',
        text:
          'đến năm 2030 đạt 90% người bị bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện, được ' +
          'tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ bản; 70% người gây bạo lực gia đình, bạo lực ' +
          'trên cơ sở giới được phát hiện ở mức chưa bị truy cứu trách nhiệm hình sự được tư vấn, tham vấn',
        measures: [
          'người bị bạo lực được tiếp cận dịch vụ hỗ trợ: ≥ 85% vào năm 2027',
          'người gây bạo lực được tư vấn, tham vấn: ≥ 60% vào năm 2027',
        ],
      },
    ],
    tasks: [
      {
        code: '1',
        text:
          'Lồng ghép các chỉ tiêu bình đẳng giới được giao vào kế hoạch phát triển ngành y tế năm 2027; ' +
          'hướng dẫn các đơn vị trực thuộc xây dựng kế hoạch thực hiện tại đơn vị; kiện toàn Ban vì sự ' +
          'tiến bộ của phụ nữ Sở',
        parentCode: 'III.1',
        due: 'Quý I/2027',
      },
      {
        code: '2',
        text:
          'Tăng cường truyền thông, tư vấn về mất cân bằng giới tính khi sinh, chăm sóc sức khỏe sinh sản ' +
          'và kế hoạch hóa gia đình tại cơ sở y tế và cộng đồng, ưu tiên các xã có tỷ số giới tính khi ' +
          'sinh cao; kiểm tra việc chấp hành quy định cấm lựa chọn giới tính thai nhi tại các cơ sở khám ' +
          'bệnh, chữa bệnh',
        parentCode: 'IV.4',
        due: 'thường xuyên; kiểm tra trong Quý II và Quý III/2027',
      },
      {
        code: '3',
        text:
          'Nâng cao chất lượng chăm sóc trước, trong và sau sinh; thẩm định, báo cáo 100% trường hợp tử ' +
          'vong mẹ; củng cố mạng lưới cô đỡ thôn bản ở các xã vùng đồng bào dân tộc thiểu số',
        parentCode: 'IV.4',
        due: 'cả năm 2027',
      },
      {
        code: '4',
        text:
          'Phối hợp với Sở Giáo dục và Đào tạo tổ chức truyền thông, tư vấn sức khỏe sinh sản, phòng tránh ' +
          'mang thai ở tuổi vị thành niên tại các trường trung học cơ sở, trung học phổ thông và phổ thông ' +
          'dân tộc nội trú',
        parentCode: 'IV.4',
        due: 'Quý II và Quý IV/2027',
      },
      {
        code: '5',
        text:
          'Khảo sát nhu cầu và xây dựng phương án thí điểm cung cấp dịch vụ chăm sóc sức khỏe dành cho ' +
          'người đồng tính, song tính và chuyển giới tại Bệnh viện Đa khoa tỉnh, trình Giám đốc Sở phê duyệt',
        parentCode: '4.4',
        due: 'trước ngày 30/11/2027',
      },
      {
        code: '6',
        text:
          'Chỉ đạo các cơ sở trợ giúp xã hội công lập trực thuộc Sở triển khai tiếp nhận, tư vấn, hỗ trợ ' +
          'khẩn cấp người bị bạo lực trên cơ sở giới; phối hợp với Công an tỉnh tiếp nhận, hỗ trợ nạn nhân ' +
          'bị mua bán trở về có nhu cầu hỗ trợ',
        parentCode: 'IV.3',
        due: 'thường xuyên',
      },
      {
        code: '7',
        text:
          'Phối hợp với Sở Văn hóa, Thể thao và Du lịch, Công an tỉnh, Sở Tư pháp phát hiện, hỗ trợ y tế và ' +
          'chuyển tuyến người bị bạo lực gia đình, bạo lực trên cơ sở giới; thống kê số người được tiếp ' +
          'cận dịch vụ y tế theo giới tính',
        parentCode: '3.2',
        due: 'thường xuyên',
      },
      {
        code: '8',
        text:
          'Hưởng ứng Tháng hành động quốc gia về phòng, chống bạo lực gia đình (tháng 6/2027) và Tháng hành ' +
          'động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới (từ ngày 15/11 đến ' +
          'ngày 15/12/2027) trong toàn ngành',
        parentCode: 'III.3',
        due: 'tháng 6 và tháng 11, 12/2027',
      },
    ],
    funding:
      'Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách năm 2027 của Sở Y tế và các đơn vị ' +
      'trực thuộc theo phân cấp hiện hành; lồng ghép trong kinh phí các chương trình, đề án về dân số, chăm ' +
      'sóc sức khỏe sinh sản và trợ giúp xã hội của ngành và các nguồn huy động hợp pháp khác theo quy định ' +
      'của pháp luật.',
    organisation: [
      '1. Văn phòng Sở (thường trực Ban vì sự tiến bộ của phụ nữ Sở): tham mưu Giám đốc Sở triển khai, ' +
        'theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp kết quả của các phòng, đơn vị, tham mưu báo cáo ' +
        'UBND tỉnh (qua Sở Nội vụ).',
      '2. Phòng Nghiệp vụ Y: chủ trì theo dõi, báo cáo các chỉ tiêu 3, 4, 5, 6 tại mục II (chỉ tiêu 4.1, ' +
        '4.2, 4.3, 4.4 của Kế hoạch tỉnh); hướng dẫn các bệnh viện, Trung tâm Kiểm soát bệnh tật tỉnh và ' +
        'trung tâm y tế khu vực thực hiện các nhiệm vụ 2, 3, 4, 5 tại mục III.',
      '3. Phòng Bảo trợ xã hội: chủ trì theo dõi, báo cáo các chỉ tiêu 1, 2 tại mục II (chỉ tiêu 3.3, 3.4 ' +
        'của Kế hoạch tỉnh) và phối hợp cung cấp số liệu chỉ tiêu 7 (chỉ tiêu 3.2 của Kế hoạch tỉnh) cho ' +
        'Sở Văn hóa, Thể thao và Du lịch; chỉ đạo các cơ sở trợ giúp xã hội công lập thực hiện nhiệm vụ 6, 7.',
      '4. Phòng Kế hoạch - Tài chính: tham mưu bố trí kinh phí thực hiện Kế hoạch trong dự toán năm 2027 ' +
        'của Sở và các đơn vị trực thuộc.',
      '5. Các đơn vị trực thuộc Sở: xây dựng kế hoạch thực hiện tại đơn vị; gửi báo cáo kết quả và số liệu ' +
        'tách biệt theo giới tính về Sở (qua Văn phòng Sở) trước ngày 30/5/2027 (báo cáo 6 tháng) và trước ' +
        'ngày 25/11/2027 (báo cáo năm).',
      '6. Chế độ báo cáo: Sở Y tế báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Nội vụ). Báo cáo 6 tháng ' +
        'gửi Sở Nội vụ trước ngày 05/6/2027; báo cáo năm trước ngày 01/12/2027.',
    ],
    closing:
      'Trên đây là Kế hoạch thực hiện công tác bình đẳng giới năm 2027 của Sở Y tế. Trong quá trình thực ' +
      'hiện, nếu có khó khăn, vướng mắc, các phòng, đơn vị báo cáo về Sở (qua Văn phòng Sở) để xem xét, ' +
      'giải quyết./.',
    signer: { authority: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Văn A' },
    recipients: [
      'UBND tỉnh (b/c)',
      'Sở Nội vụ (Thường trực Ban vì sự tiến bộ của phụ nữ tỉnh)',
      'Giám đốc, các Phó Giám đốc Sở',
      'Các phòng chuyên môn, đơn vị trực thuộc Sở',
      'Lưu: VT, VP',
    ],
  };
}

/**
 * A công văn of Sở Y tế that implements two plans of the province: addressed to its units ("Kính gửi"), its
 * requests numbered. Invented wording in the shape of a directive letter, marked as demo.
 */
export function sampleLetter(): PlanDraftDocument {
  return {
    ...samplePlanDraft(),
    type: 'CV',
    number: '245',
    symbol: 'SYT-NVY',
    date: { day: 4, month: 5, year: 2026 },
    title: 'Triển khai thực hiện công tác bình đẳng giới năm 2026',
    legalBases: [],
    preamble:
      'Thực hiện Kế hoạch số 58/KH-UBND ngày 10/3/2026 của UBND tỉnh Lạng Sơn về thực hiện công tác bình đẳng ' +
      'giới năm 2026; Kế hoạch số 75/KH-UBND ngày 26/4/2026 của UBND tỉnh Lạng Sơn thực hiện Chiến lược quốc ' +
      'gia về bình đẳng giới giai đoạn 2026 - 2030, Sở Y tế đề nghị các đơn vị triển khai một số nội dung sau:',
    addressees: ['Các phòng chức năng thuộc Sở', 'Các đơn vị trực thuộc Sở'],
    tasks: [
      {
        code: '1',
        text: 'Xây dựng kế hoạch thực hiện công tác bình đẳng giới năm 2026 của đơn vị, gửi về Sở trước ngày 30/5/2026.',
        parentCode: null,
        due: null,
      },
      {
        code: '2',
        text: 'Thu thập số liệu tách biệt theo giới tính của các chỉ tiêu 4.1, 4.2 và báo cáo đúng hạn.',
        parentCode: null,
        due: null,
      },
    ],
    organisation: [],
    closing: 'Đề nghị các đơn vị quan tâm, triển khai thực hiện./.',
    recipients: ['Như trên', 'Giám đốc, các Phó Giám đốc Sở', 'Lưu: VT, NVY'],
  };
}

/** A quyết định of UBND tỉnh Lạng Sơn that issues its 2026 plan (invented number and date), marked as demo. */
export function sampleDecision(): PlanDraftDocument {
  return {
    ...samplePlanDraft(),
    type: 'QD',
    parentBody: null,
    issuer: 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
    number: '12',
    symbol: 'QĐ-UBND',
    date: { day: 10, month: 2, year: 2026 },
    title: 'Ban hành Kế hoạch thực hiện công tác bình đẳng giới năm 2026',
    legalBases: [
      'Luật Bình đẳng giới số 73/2006/QH11',
      'Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030',
    ],
    preamble: 'Theo đề nghị của Giám đốc Sở Nội vụ.',
    targetsHeading: 'II. MỤC TIÊU',
    decision: {
      authority: 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
      issuedBy: 'UBND tỉnh Lạng Sơn',
      articles: [
        'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện công tác bình đẳng giới năm 2026.',
        'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
        'Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.',
      ],
    },
    signer: { authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Trần Văn D' },
    recipients: ['Như Điều 3', 'Lưu: VT, KGVX'],
  };
}
