/** Real CLI backends (terraform / tofu): find the binary, run it on a temporary copy, offline overrides. */
export { findBinary, requireBinary, type CliEngine } from './find-binary.ts';
export { runCommand, type CommandResult, type RunOptions } from './run-command.ts';
export { copyToTempDir, removeTempDir } from './temp-copy.ts';
export { offlineOverrideFiles, awsProviderAliases, OFFLINE_AWS_SETTINGS, BUNDLED_AWS_VERSION, AWS_VERSION_OVERRIDE } from './offline-overrides.ts';
export { execFindings, assertNoExec } from './exec-guard.ts';
export { validateWithCli, type CliValidateOptions } from './cli-validate.ts';
