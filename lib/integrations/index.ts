export * from './certificate';
export * from './integrations';
