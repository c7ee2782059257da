import { describe, expect, it } from 'vitest';
import {
  isBareKey,
  isInitialKey,
  mayStandFor,
  personKey,
  speakerKey,
  surnameKeyOf,
  surnameOf,
} from '../../lambda/facts/speaker-key.js';

describe('speakerKey', () => {
  it.each([
    ['Arakhamia', 'Arahamia', 'Arahamiya', 'David Arakhamia'],
    ['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Volodymyr Zelenskyy'],
    ['Podolyak', 'Podoliak', 'Mykhailo Podolyak'],
    ['Çavuşoğlu', 'Cavusoglu', 'Mevlüt Çavuşoğlu'],
    ['Medinsky', 'medinsky', 'Vladimir Medinsky', "Medinsky's"],
    ['Shoigu', 'Shoygu'],
    ['Hrytsenko', 'Gritsenko'],
    ['Yermolaev', 'Ermolaev'],
    ['Peskov', 'PESKOV', 'Dmitry Peskov'],
    ['Kovalchuk', 'Kovalchuck', 'Kovaltchuk', 'Kovalčuk'],
    ['Shevchuk', 'Ševčuk', 'Shevtchuk'],
    ['Zhuravel', 'Žuravel'],
    ['Chalyi', 'Chaly', 'Chalyy', 'Chaliy'],
  ])('gives every spelling of %s the same key', (...variants) => {
    const keys = new Set(variants.map(speakerKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).not.toBe('');
  });

  it('keeps different surnames apart', () => {
    const keys = ['Medinsky', 'Fomin', 'Lavrov', 'Kuleba', 'Putin', 'Blinken', 'Erdogan'].map(speakerKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keys on the surname, not on the given name', () => {
    expect(speakerKey('Vladimir Putin')).not.toBe(speakerKey('Vladimir Medinsky'));
    expect(speakerKey('Vladimir Putin')).toBe(speakerKey('Putin'));
  });

  it('returns an empty key for a string without letters', () => {
    expect(speakerKey(' 42 ')).toBe('');
  });
});

describe('surnameOf', () => {
  it('drops generational suffixes and possessives', () => {
    expect(surnameOf('Martin Luther King Jr.')).toBe('King');
    expect(surnameOf("Fomin's")).toBe('Fomin');
  });
});

describe('personKey', () => {
  it.each([
    ['Volodymyr Zelenskyy', 'Vladimir Zelensky', 'Wolodymyr Zelenskyj'],
    ['Oleksiy Reznikov', 'Alexei Reznikov', 'Oleksii Reznikov'],
    ['Yevhen Yermak', 'Evgeny Yermak'],
    ['Konstantin Kosachev', 'Constantin Kosachev'],
    ['Hennadiy Hrytsenko', 'Gennady Gritsenko'],
    ['[Rustem] Umerov', 'Rustem Umerov'],
    ['Bohdan Kovalchuk', 'Bogdan Kovaltchuk', 'Bogdan Kovalčuk', 'Bohdan Kovalchuck'],
  ])("gives the spellings of one person's given name and surname one key: %s", (...variants) => {
    expect(new Set(variants.map(personKey)).size).toBe(1);
  });

  it('keeps people who share a surname apart by their given names', () => {
    expect(personKey('Mike Johnson')).not.toBe(personKey('Boris Johnson'));
    expect(surnameKeyOf(personKey('Mike Johnson'))).toBe(surnameKeyOf(personKey('Boris Johnson')));
  });

  it('keeps namesakes who share a surname and an initial apart: Mark and Mike Varro are two people', () => {
    expect(personKey('Mark Varro')).not.toBe(personKey('Mike Varro'));
    expect(personKey('Mikhail Varro')).not.toBe(personKey('Mark Varro'));
  });

  it('keys an initial by the surname and initial, which may stand for either namesake but not another initial', () => {
    const initial = personKey('M. Varro');
    expect(isInitialKey(initial)).toBe(true);
    expect(mayStandFor(initial, personKey('Mark Varro'))).toBe(true);
    expect(mayStandFor(initial, personKey('Mike Varro'))).toBe(true);
    expect(mayStandFor(initial, personKey('Boris Varro'))).toBe(false);
    expect(mayStandFor(personKey('Varro'), personKey('Boris Varro'))).toBe(true);
    expect(mayStandFor(personKey('Mark Varro'), personKey('Mike Varro'))).toBe(false);
  });

  it('keys a bare surname by the surname alone, to be settled against the people known', () => {
    expect(personKey('Johnson')).toBe(speakerKey('Johnson'));
    expect(isBareKey(personKey('Johnson'))).toBe(true);
    expect(isBareKey(personKey('Mike Johnson'))).toBe(false);
  });
});
