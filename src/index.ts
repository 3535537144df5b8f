// Public library API of iacpac. Each subsystem re-exports its entry points here.
export * from './core/diagnostics.ts';
export * from './core/source-range.ts';
export * from './core/errors.ts';
export * from './schema/index.ts';
// <exports>
