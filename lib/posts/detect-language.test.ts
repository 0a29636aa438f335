import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language';

describe('detectLanguage', () => {
  it.each([
    ['أبحث عن شريك يستخدم Acme CRM في الدار البيضاء.', 'ar'],
    ['मुझे मुंबई में एक अच्छे चार्टर्ड अकाउंटेंट की तलाश है।', 'hi'],
    ['Ищу партнёра для развития социальных сетей нашей компании.', 'ru'],
    ['Bonjour à tous, je cherche un notaire pour une vente à Lyon.', 'fr'],
    ['Hello all, I am looking for an introduction to a freight forwarder.', 'en'],
    ['Merci Marc-André : une recommandation de Montréal', 'fr'],
    ['> Quoted English text, the whole thing\n\nMerci beaucoup, c’est très utile pour nous.', 'fr'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('says nothing when the text gives no clue', () => {
    expect(detectLanguage('+1 👍 https://example.com')).toBeNull();
  });
});
