import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../../src/import/parse-document';
import { registriesFromJson } from '../../src/import/registry/unit-registries';
import { SEEDS_DIR } from '../support/seeds';

const YUZHONG = path.join(__dirname, '..', 'fixtures', 'formats', 'yuzhong-plan-prose.txt');
const shapingba = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'units.json'), 'utf8'));

/** seeds/units.json keeps its one-registry form and may hold several, one per jurisdiction. */
describe('registries per jurisdiction', () => {
  const registries = registriesFromJson(
    {
      registries: [
        shapingba,
        { jurisdiction: '重庆市渝中区', units: [{ name: '区文化旅游委', kind: 'DISTRICT_DEPARTMENT', aliases: ['区文旅委'] }] },
      ],
    },
    'units.json',
  );

  it('resolves a document’s names against its own jurisdiction only', () => {
    const doc = parseDocument(fs.readFileSync(YUZHONG), 'yuzhong-plan-prose.txt', registries);
    const units = doc.sections.flatMap((s) => s.items.flatMap((i) => [...i.leadUnits, ...i.coUnits]));
    expect(units.filter((u) => u.known).map((u) => u.name)).toEqual(['区文化旅游委', '区文化旅游委']);
    // 区商务委 is in 沙坪坝区's registry, not 渝中区's: flagged, never borrowed.
    expect(units.find((u) => u.name === '区商务委')).toMatchObject({ known: false, kind: 'DISTRICT_DEPARTMENT' });
  });

  it('reads the one-registry form as before', () => {
    expect(registriesFromJson(shapingba, 'units.json').all().map((r) => r.jurisdiction)).toEqual(['重庆市沙坪坝区']);
  });

  it('refuses two registries for one jurisdiction', () => {
    expect(() => registriesFromJson({ registries: [shapingba, shapingba] }, 'units.json')).toThrow('two unit registries for 重庆市沙坪坝区');
  });
});
