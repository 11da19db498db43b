/** One OIDC issuer from OIDC_<NAME>_ISSUER / _CLIENT_ID / _CLIENT_SECRET (NAME: letters, digits, underscores). */
export interface OidcProviderConfig {
  /** Lower-case id used in URLs: /api/v1/auth/oidc/<id>/start. */
  id: string;
  /** Human label for the sign-in button (OIDC_<NAME>_LABEL, default: the name; Google and LinkedIn presets). */
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const OIDC_PRESETS: Record<string, { issuer: string; label: string }> = {
  google: { issuer: 'https://accounts.google.com', label: 'Google' },
  linkedin: { issuer: 'https://www.linkedin.com/oauth', label: 'LinkedIn' },
};

/**
 * Reads every OIDC_<NAME>_* group. GOOGLE and LINKEDIN need only the client
 * id and secret (their issuer is preset). A group missing a part is a config error.
 */
export function parseOidcProviders(env: Record<string, string>, problems: string[]): OidcProviderConfig[] {
  const names = new Set<string>();
  for (const key of Object.keys(env)) {
    const match = /^OIDC_([A-Z0-9_]+?)_(ISSUER|CLIENT_ID|CLIENT_SECRET|LABEL)$/.exec(key);
    if (match?.[1]) names.add(match[1]);
  }
  const providers: OidcProviderConfig[] = [];
  for (const name of [...names].sort()) {
    const id = name.toLowerCase();
    const preset = OIDC_PRESETS[id];
    const issuer = env[`OIDC_${name}_ISSUER`] ?? preset?.issuer;
    const clientId = env[`OIDC_${name}_CLIENT_ID`];
    const clientSecret = env[`OIDC_${name}_CLIENT_SECRET`];
    const missing = [
      !issuer && `OIDC_${name}_ISSUER`,
      !clientId && `OIDC_${name}_CLIENT_ID`,
      !clientSecret && `OIDC_${name}_CLIENT_SECRET`,
    ].filter(Boolean);
    if (missing.length > 0 || !issuer || !clientId || !clientSecret) {
      problems.push(`${missing.join(', ')}: required to enable the ${name} sign-in provider`);
      continue;
    }
    if (!URL.canParse(issuer)) {
      problems.push(
        `OIDC_${name}_ISSUER: expected the issuer URL, e.g. https://login.example.com (got ${JSON.stringify(issuer)})`,
      );
      continue;
    }
    providers.push({ id, label: env[`OIDC_${name}_LABEL`] ?? preset?.label ?? name, issuer, clientId, clientSecret });
  }
  return providers;
}
