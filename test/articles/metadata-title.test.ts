import { describe, expect, it } from 'vitest';
import { titleWithoutFurniture } from '../../lambda/articles/metadata.js';

describe('titleWithoutFurniture', () => {
  it('keeps the headline of a title joined to its outlet or section by a bar or a dash', () => {
    expect(titleWithoutFurniture('Leader rejects the border plan | Harbour Ledger', null)).toBe(
      'Leader rejects the border plan',
    );
    expect(titleWithoutFurniture('World | Leader rejects the border plan', null)).toBe(
      'Leader rejects the border plan',
    );
    expect(titleWithoutFurniture('Leader rejects the border plan - Harbour Ledger', null)).toBe(
      'Leader rejects the border plan',
    );
    expect(titleWithoutFurniture('Talks stall – AFP', 'AFP')).toBe('Talks stall');
  });

  it('keeps a dash that is part of the headline', () => {
    expect(titleWithoutFurniture('Truce holds on the coast – joint statement', null)).toBe(
      'Truce holds on the coast – joint statement',
    );
    expect(titleWithoutFurniture('Talks stall – AFP', null)).toBe('Talks stall – AFP');
  });
});

describe('titleWithoutFurniture, credits', () => {
  it('drops an outlet and a date joined by dashes', () => {
    expect(titleWithoutFurniture('Leader rejects the border plan - Harbour Ledger - 12.03.2025', null)).toBe(
      'Leader rejects the border plan',
    );
  });
});
