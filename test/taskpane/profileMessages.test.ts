import { parseProfile } from '../../src/core/profileSchema';

// The profile schema uses zod/mini, which, unlike zod's classic API, sets no messages on import:
// profile.ts sets the English ones, and the errors read as before.
it('profile errors keep the schema library’s English messages', () => {
  const r = parseProfile({ headerRow: 0, placeholders: [1], gradeScale: [], noKpiGrade: 'x'.repeat(13) });
  expect(r).toEqual({
    ok: false,
    errors: [
      'gradeScale: Too small: expected array to have >=1 items',
      'noKpiGrade: Too big: expected string to have <=12 characters',
      'placeholders.0: Invalid input: expected string, received number',
      'headerRow: Too small: expected number to be >=1',
    ],
  });
});
