/** Small inline icons for buttons; decorative (aria-hidden). */

/** Four bars rising: progress at a glance. */
export function DashboardIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
      <rect x="1" y="9" width="3" height="6" rx="0.5" />
      <rect x="5" y="6" width="3" height="9" rx="0.5" />
      <rect x="9" y="3" width="3" height="12" rx="0.5" />
      <rect x="13" y="1" width="2" height="14" rx="0.5" />
    </svg>
  );
}

/** Three steps joined: figures moving up the approval chain. */
export function WorkflowIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor">
      <circle cx="3" cy="8" r="2" strokeWidth="1.6" />
      <circle cx="13" cy="3" r="2" strokeWidth="1.6" />
      <circle cx="13" cy="13" r="2" strokeWidth="1.6" />
      <path d="M5 7l6-3M5 9l6 3" strokeWidth="1.4" />
    </svg>
  );
}
