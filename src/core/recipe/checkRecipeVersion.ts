import { SegmentKitError } from '../errors/SegmentKitError';
import { RECIPE_VERSION } from './Recipe';

/**
 * Version gate for stored recipes. Version 1 is the first published format, so there is no
 * older format to migrate yet: anything newer asks the user to update SegmentKit, anything
 * else is not a SegmentKit recipe version.
 *
 * @example
 * checkRecipeVersion(JSON.parse(text).version);
 */
export function checkRecipeVersion(version: unknown): void {
  if (version === RECIPE_VERSION) return;
  if (typeof version === 'number' && Number.isInteger(version) && version > RECIPE_VERSION) {
    throw new SegmentKitError('E_RECIPE_VERSION', `this recipe was made by a newer SegmentKit (recipe version ${version}; this one reads version ${RECIPE_VERSION})`, {
      location: { path: 'version' },
      hint: 'Update SegmentKit to open it.',
    });
  }
  throw new SegmentKitError('E_RECIPE_VERSION', `expected recipe version ${RECIPE_VERSION}, got ${version === undefined ? 'nothing' : JSON.stringify(version)}`, {
    location: { path: 'version' },
    hint: 'Check that this file is a SegmentKit recipe.',
  });
}
