export * from './errors.js';
export * from './health.js';
export * from './system.js';
export * from './mail.js';
export * from './auth.js';
export * from './orgs.js';
export * from './admin.js';
export * from './oidc.js';
