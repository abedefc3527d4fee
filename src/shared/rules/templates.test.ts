import { describe, expect, it } from 'vitest';
import { joinList, placeholderSegments, renderTemplate } from './templates.js';

describe('renderTemplate', () => {
  it('fills known placeholders in subject and body', () => {
    const r = renderTemplate({ subject: 'Hola {{firstName}}', body: 'Vi que estudiaste en {{ commonPoints }}.' }, { firstName: 'Lucía', commonPoints: 'la Universidad de Valparaíso' });
    expect(r).toEqual({ subject: 'Hola Lucía', body: 'Vi que estudiaste en la Universidad de Valparaíso.', missing: [], unknown: [] });
  });

  it('leaves a missing value visible and lists it', () => {
    const r = renderTemplate({ subject: null, body: 'Thanks for {{favor}}, {{firstName}}!' }, { firstName: 'Ana', favor: '  ' });
    expect(r.body).toBe('Thanks for {{favor}}, Ana!');
    expect(r.missing).toEqual(['favor']);
  });

  it('reports unknown placeholders instead of dropping them', () => {
    const r = renderTemplate({ subject: null, body: 'Hi {{frstName}}' }, { firstName: 'Ana' });
    expect(r).toMatchObject({ body: 'Hi {{frstName}}', unknown: ['frstName'], missing: [] });
  });

  it('never interprets values: markup stays text and placeholders in values are not expanded', () => {
    const r = renderTemplate({ subject: null, body: '{{firstName}}' }, { firstName: '<img src=x onerror=alert(1)> {{myPitch}}' });
    expect(r.body).toBe('<img src=x onerror=alert(1)> {{myPitch}}');
    expect(r.missing).toEqual([]);
  });
});

describe('placeholderSegments', () => {
  it('splits text around left-over placeholders', () => {
    expect(placeholderSegments('Hi {{firstName}}, see {{x}}')).toEqual([
      { text: 'Hi ', placeholder: false },
      { text: '{{firstName}}', placeholder: true },
      { text: ', see ', placeholder: false },
      { text: '{{x}}', placeholder: true },
    ]);
  });
});

describe('joinList', () => {
  it.each([
    [[], 'en', ''],
    [['A'], 'en', 'A'],
    [['A', 'B'], 'en', 'A and B'],
    [['A', 'B', 'C'], 'es', 'A, B y C'],
  ] as const)('%j (%s) → %s', (items, lang, text) => {
    expect(joinList([...items], lang)).toBe(text);
  });
});
