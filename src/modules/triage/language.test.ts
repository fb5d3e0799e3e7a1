import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage, dominantScriptShare, textForLanguageDetection, toIso6391 } from './language.ts';

// Short customer posts, the kind triage sees; also the table the library was chosen on.
const SAMPLES: Record<string, string[]> = {
  en: ['my flight got delayed again, thanks a lot', 'this new update is actually pretty good', 'anyone else having trouble logging in today?', 'worst customer service ever, still waiting for my refund', 'just tried the new burger, not bad at all'],
  de: ['mein Paket ist immer noch nicht angekommen', 'der Kundenservice war heute echt super', 'ich warte seit drei Wochen auf meine Erstattung', 'schon wieder Verspätung, danke Bahn', 'tolles Essen und nette Leute'],
  fr: ["mon colis n'est toujours pas arrivé", 'le service client est vraiment nul', "merci pour votre aide, c'était parfait", "quelqu'un sait quand la boutique ouvre?", 'toujours pas de remboursement'],
  es: ['mi pedido todavía no ha llegado', 'el servicio al cliente es muy malo', 'me encanta la nueva tienda', 'gracias por la ayuda, todo perfecto', 'sigo esperando mi reembolso'],
  it: ['il mio pacco non è ancora arrivato', 'il servizio clienti è pessimo', 'di nuovo in ritardo, che schifo', "grazie per l'aiuto, tutto perfetto", 'aspetto ancora il rimborso'],
  nl: ['mijn pakket is nog steeds niet aangekomen', 'de klantenservice is echt slecht', 'ik vind de nieuwe winkel geweldig', 'bedankt voor de hulp, alles perfect', 'ik wacht nog steeds op mijn terugbetaling'],
  pt: ['meu pedido ainda não chegou', 'o atendimento ao cliente é péssimo', 'de novo atrasado, que vergonha', 'obrigado pela ajuda, tudo perfeito', 'ainda estou esperando o reembolso'],
  pl: ['moja paczka nadal nie dotarła', 'obsługa klienta jest okropna', 'dziękuję za pomoc, wszystko super', 'nadal czekam na zwrot pieniędzy', 'ktoś wie o której otwierają?'],
  sv: ['mitt paket har fortfarande inte kommit', 'kundtjänsten är verkligen dålig', 'jag älskar den nya butiken', 'tack för hjälpen, allt perfekt', 'jag väntar fortfarande på min återbetalning'],
};

describe('detectLanguage', () => {
  for (const [language, posts] of Object.entries(SAMPLES)) {
    for (const post of posts) {
      it(`${language}: ${post}`, () => {
        const result = detectLanguage(post);
        assert.equal(result.language, language);
        assert.equal(result.source, 'text');
      });
    }
  }

  it('trusts sentence-length posts in every sample language', () => {
    const reliable = Object.values(SAMPLES).flat().filter((post) => detectLanguage(post).reliable).length;
    assert.ok(reliable >= 40, `only ${reliable} of 45 reliable`);
  });

  it('ignores links, handles, hashtag signs and emoji', () => {
    const result = detectLanguage('@AcmeSupport https://acme.example/orders/123 mein Paket ist immer noch nicht angekommen 😡 #Kundenservice');
    assert.equal(result.language, 'de');
    assert.equal(textForLanguageDetection('@acme hi #Paket 😡 https://x.example/a'), 'hi Paket');
  });

  it('does not count an e-mail address as a handle to strip the word before it', () => {
    assert.equal(textForLanguageDetection('write to me@acme.example please'), 'write to me@acme.example please');
  });

  it('falls back to the author, then the source, for a post too short to tell', () => {
    assert.deepEqual(detectLanguage('ok 👍', { fallback: ['de', 'en'] }), { language: 'de', confidence: 0.3, reliable: false, source: 'fallback' });
    const agreed = detectLanguage('danke euch', { fallback: ['de'] });
    assert.equal(agreed.language, 'de');
    assert.equal(agreed.source, 'fallback');
    assert.ok(agreed.confidence > 0.3, 'text that agrees with the fallback raises confidence');
  });

  it('prefers a fallback language that the short text also supports over the first one', () => {
    // "merci beaucoup" on a German author's account posted from a French source.
    const result = detectLanguage('merci beaucoup', { fallback: ['de', 'fr'] });
    assert.equal(result.language, 'fr');
    assert.equal(result.source, 'fallback');
  });

  it('keeps what the text says when it is clear, whatever the fallback', () => {
    const result = detectLanguage('mein Paket ist immer noch nicht angekommen', { fallback: ['en'] });
    assert.equal(result.language, 'de');
    assert.equal(result.source, 'text');
    assert.equal(result.reliable, true);
  });

  it('normalises fallback codes and skips ones that are not ISO 639-1', () => {
    assert.equal(detectLanguage('', { fallback: ['deu', 'pt-BR'] }).language, 'pt');
    assert.equal(toIso6391('EN_us'), 'en');
    assert.equal(toIso6391('english'), null);
  });

  it('gives a short post without fallback a guess with low confidence', () => {
    const result = detectLanguage('merci beaucoup');
    assert.equal(result.reliable, false);
    assert.equal(result.source, 'text');
    assert.ok(result.confidence <= 0.4);
  });

  const badInputs: [string, string][] = [
    ['empty', ''],
    ['whitespace', '   \n\t '],
    ['only emoji', '😂😂😂 🔥👍🏽'],
    ['lone surrogate', '\uD800'],
    ['only a link and a handle', '@acme https://acme.example/x'],
    ['digits and punctuation', '12:30 !!! ???'],
  ];
  for (const [name, text] of badInputs) {
    it(`bad input (${name}): no language, no confidence, no throw`, () => {
      assert.deepEqual(detectLanguage(text), { language: null, confidence: 0, reliable: false, source: 'none' });
    });
  }

  it('bad input: lone surrogates around a word are dropped, the word still read', () => {
    assert.equal(textForLanguageDetection('\uDC00ok\uD800'), 'ok');
    assert.equal(detectLanguage('\uDC00ok\uD800').reliable, false);
  });

  it('bad input: 100,000 characters is read in part, without throwing', () => {
    const result = detectLanguage('mein Paket ist immer noch nicht angekommen '.repeat(2_400).slice(0, 100_000));
    assert.equal(result.language, 'de');
  });

  it('bad input: mixed scripts give a language without throwing', () => {
    const result = detectLanguage('hello мир 你好 こんにちは');
    assert.equal(result.reliable, false);
    assert.ok(result.confidence <= 0.4);
    assert.equal(dominantScriptShare('hello мир', 8), 5 / 8);
    assert.equal(dominantScriptShare('日本語のテキスト', 8), 1, 'Japanese mixes Han and kana and is one script');
  });

  it('bad input: not a string never throws', () => {
    assert.equal(detectLanguage(undefined as unknown as string).source, 'none');
    assert.equal(detectLanguage('', { fallback: [42 as unknown as string] }).source, 'none');
  });
});
