/** The product mark (same drawing as public/favicon.svg), decorative next to the product name. */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" width="24" height="24" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--color-accent)" />
      <path
        d="M11 10l-5 6 5 6M21 10l5 6-5 6"
        fill="none"
        stroke="var(--color-on-accent)"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path
        d="M17.5 9l-3 14"
        fill="none"
        stroke="var(--color-on-accent)"
        strokeWidth="2.6"
        strokeLinecap="round"
        opacity="0.7"
      />
    </svg>
  );
}
