import { ImportCheck, importCheckOf } from '../../src/document/import-check.enum';
import { CHECK_NAMES } from '../../src/import/model/check-names';

it('names every importer check in the GraphQL enum, and nothing else', () => {
  expect(CHECK_NAMES.map(importCheckOf).sort()).toEqual(Object.values(ImportCheck).sort());
});
