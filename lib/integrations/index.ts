export * from './certificate';
export * from './integrations';
export * from './admin-input';
