export * from './errors.js';
export * from './health.js';
export * from './system.js';
export * from './mail.js';
export * from './auth.js';
