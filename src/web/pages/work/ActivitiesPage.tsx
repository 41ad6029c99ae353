/** Placeholder: replaced by the activity log page. */
export function ActivitiesPage() {
  return null;
}
