import type { ValidatorRepairRule } from '../repair.ts';
import {
  removeExtraFunctionArguments,
  renameArgument,
  renameAttributeReference,
  renameBlockType,
  renameFunction,
  renameResourceReference,
  renameResourceType,
  renameUnknownProviderType,
} from './renames.ts';
import { splitInlineS3Setting } from './s3-inline-settings.ts';
import { nearestAllowedNumber, removeArgumentMissingCompanions, replaceDisallowedValue, useCidrNetworkAddress } from './provider-values.ts';
import { attributeToBlock, blockToAttribute, closeUnclosedBlock, removeDuplicateBlock, removeUnsupportedArgument, renameDeprecatedArgument } from './structure.ts';

/**
 * Every validator-driven repair rule, in the order they are tried (explicit list). Renames come before removal, so
 * an argument with a close match is renamed rather than dropped.
 */
export const VALIDATOR_REPAIRS: readonly ValidatorRepairRule[] = [
  closeUnclosedBlock,
  removeDuplicateBlock,
  renameBlockType,
  renameArgument,
  attributeToBlock,
  blockToAttribute,
  renameResourceType,
  renameUnknownProviderType,
  renameResourceReference,
  renameAttributeReference,
  renameFunction,
  removeExtraFunctionArguments,
  renameDeprecatedArgument,
  splitInlineS3Setting,
  replaceDisallowedValue,
  useCidrNetworkAddress,
  nearestAllowedNumber,
  removeUnsupportedArgument,
  removeArgumentMissingCompanions,
];
