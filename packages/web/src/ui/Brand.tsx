// The Oars word mark: two crossed oars, for strategy and tactics pulling together.
export function Brand({ orgName }: { orgName?: string }) {
  return (
    <span className="brand">
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="var(--accent)" />
        <g stroke="var(--accent-contrast)" strokeWidth="2.5" strokeLinecap="round">
          <path d="M9 9l14 14M23 9L9 23" />
        </g>
        <g fill="var(--accent-contrast)">
          <ellipse cx="21.5" cy="21.5" rx="2.2" ry="4" transform="rotate(-45 21.5 21.5)" />
          <ellipse cx="10.5" cy="21.5" rx="2.2" ry="4" transform="rotate(45 10.5 21.5)" />
        </g>
      </svg>
      <span className="brand-text">
        <span className="brand-name">Oars</span>
        {orgName ? <span className="brand-org">{orgName}</span> : null}
      </span>
    </span>
  );
}
