import { describe, expect, it } from 'vitest';
import { splitFullName } from './names.js';

describe('splitFullName', () => {
  it.each([
    ['Ana', 'Ana', null],
    ['  Ana   García  ', 'Ana', 'García'],
    ['Ana García López', 'Ana', 'García López'],
    ['Ana María García López', 'Ana María', 'García López'],
    ['Juan de la Fuente', 'Juan', 'de la Fuente'],
    ['Juan Carlos de la Fuente', 'Juan Carlos', 'de la Fuente'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['Mary Ann Smith Jones', 'Mary Ann', 'Smith Jones'],
    ['García López, Ana', 'Ana', 'García López'],
    ['Ana,', 'Ana', null],
    [',', ',', null],
    ['José Ignacio Muñoz', 'José', 'Ignacio Muñoz'],
    ['José Ortega y Gasset', 'José', 'Ortega y Gasset'],
  ])('%s → %s | %s', (input, firstName, lastName) => {
    expect(splitFullName(input)).toEqual({ firstName, lastName });
  });
});
