/** Labels of the reporting pages (cycles, calendar, completeness, reports, notifications). */
export const reportingVi = {
  title: 'Báo cáo định kỳ',
};

export const reportingEn: typeof reportingVi = {
  title: 'Periodic reports',
};
