import { describe, expect, it } from 'vitest';
import { countWords, speakingSeconds } from './speaking-time.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('countWords', () => {
  it.each([
    { text: '', count: 0 },
    { text: '   \n ', count: 0 },
    { text: 'Hola, soy Ana — diseño productos.', count: 5 },
    { text: "I'm building e-commerce tools in 3D", count: 7 },
    { text: 'Ayudo a pymes: más ventas, menos papeleo.', count: 7 },
  ])('"$text" has $count words', ({ text, count }) => {
    expect(countWords(text)).toBe(count);
  });
});

describe('speakingSeconds', () => {
  it.each([
    { name: 'no words take no time', text: '', seconds: 0 },
    { name: 'a single word still takes a second', text: 'Hello', seconds: 1 },
    { name: '75 words are 30 seconds at 150 a minute', text: words(75), seconds: 30 },
    { name: '76 words are still about 30 seconds', text: words(76), seconds: 30 },
    { name: '78 words are about 31 seconds', text: words(78), seconds: 31 },
    { name: '150 words are a minute', text: words(150), seconds: 60 },
  ])('$name', ({ text, seconds }) => {
    expect(speakingSeconds(text)).toBe(seconds);
  });

  it('speaks faster at a faster rate', () => {
    expect(speakingSeconds(words(75), 300)).toBe(15);
  });
});
