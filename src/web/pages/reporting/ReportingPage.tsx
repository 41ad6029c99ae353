/** Placeholder: replaced by the reporting pages. */
export function ReportingPage() {
  return null;
}
