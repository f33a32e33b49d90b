import {
  containsIdentityNumber,
  fieldsWithIdentityNumbers,
  findIdentityNumbers,
  maskIdentityNumbers,
} from '../../../src/domain/initiative/personnummer';

// Independent Luhn so the fixtures below are checked against something other than the code under test.
function checkDigit(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return String((10 - (sum % 10)) % 10);
}
const luhnValid = (tenDigits: string): boolean => checkDigit(tenDigits.slice(0, 9)) === tenDigits[9];
/** The 10-digit form (YYMMDDNNNC) of any 10- or 12-digit number, separators removed. */
const tenDigitForm = (id: string): string => id.replace(/\D/g, '').slice(-10);
/** Builds 'YYMMDD-NNNC' (or 12-digit with a century) with a correct check digit. */
const withCheck = (datePart: string, serial = '123', separator = '-'): string =>
  `${datePart}${separator}${serial}${checkDigit(datePart.slice(-6) + serial)}`;

const VALID_PERSONNUMMER = [
  '121212-1212', // Skatteverket's example, 10 digits with '-'
  '121212+1212', // same person having turned 100
  '1212121212', // no separator
  '19121212-1212', // 12 digits with separator
  '191212121212', // 12 digits without separator
  '19121212 1212', // single space between date and serial
  '20170102-2384',
  '201701022384',
  '811218-9876',
  '19811218-9876',
  '18991231-1231', // 12 digits, century 18
];
const VALID_SAMORDNINGSNUMMER = ['701063-2391', '7010632391', '19701063-2391', '197010632391', '701063+2391'];

describe('fixtures', () => {
  it('every "valid" example has a correct Luhn check digit', () => {
    for (const id of [...VALID_PERSONNUMMER, ...VALID_SAMORDNINGSNUMMER]) {
      expect([id, luhnValid(tenDigitForm(id))]).toEqual([id, true]);
    }
  });

  it('201701022380 (sometimes quoted as a test number) fails Luhn; 201701022384 is the valid form', () => {
    expect(luhnValid('1701022380')).toBe(false);
    expect(luhnValid('1701022384')).toBe(true);
  });
});

describe('findIdentityNumbers – valid numbers', () => {
  it.each(VALID_PERSONNUMMER)('finds personnummer %s as the whole string', (id) => {
    expect(findIdentityNumbers(id)).toEqual([{ kind: 'personnummer', start: 0, end: id.length }]);
  });

  it.each(VALID_SAMORDNINGSNUMMER)('finds samordningsnummer %s (day + 60)', (id) => {
    expect(findIdentityNumbers(id)).toEqual([{ kind: 'samordningsnummer', start: 0, end: id.length }]);
  });

  it('classifies every samordningsnummer day 61–91 that is valid for its month', () => {
    const id = withCheck('120191'); // 31 January + 60
    expect(findIdentityNumbers(id)).toEqual([{ kind: 'samordningsnummer', start: 0, end: 11 }]);
    expect(containsIdentityNumber(withCheck('120161'))).toBe(true);
  });

  it('accepts dash look-alikes and no-break space inserted by word processors', () => {
    expect(containsIdentityNumber('19121212\u20131212')).toBe(true); // en dash
    expect(containsIdentityNumber('121212\u00a01212')).toBe(true); // no-break space
  });

  it('finds a number inside Swedish text with the right range', () => {
    const text = 'Patienten 19121212-1212 har fått en ny rutin.';
    expect(findIdentityNumbers(text)).toEqual([{ kind: 'personnummer', start: 10, end: 23 }]);
  });

  it.each([
    ['in parentheses', 'Brukaren (121212-1212) ringde.', '121212-1212'],
    ['at the end of a sentence', 'Gäller 19121212-1212.', '19121212-1212'],
    ['after a colon and before a comma', 'pnr: 1212121212, ring tillbaka', '1212121212'],
    ['after a newline', 'Rad ett\n121212+1212 rad två', '121212+1212'],
    ['after a tab and before a newline', 'x\t701063-2391\ny', '701063-2391'],
    ['in quotes', 'Skrev "191212121212" i fältet', '191212121212'],
  ])('finds a number %s', (_label, text, id) => {
    const start = text.indexOf(id);
    expect(findIdentityNumbers(text).map(({ start: s, end: e }) => [s, e])).toEqual([
      [start, start + id.length],
    ]);
  });

  it('reports several numbers in order with correct positions and kinds', () => {
    const text = 'Först 19121212-1212, sedan 701063-2391 och till sist 8112189876.';
    const hits = findIdentityNumbers(text);
    expect(hits).toEqual([
      { kind: 'personnummer', start: 6, end: 19 },
      { kind: 'samordningsnummer', start: 27, end: 38 },
      { kind: 'personnummer', start: 53, end: 63 },
    ]);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([
      '19121212-1212',
      '701063-2391',
      '8112189876',
    ]);
  });

  it('does not echo digits back in a hit', () => {
    const [hit] = findIdentityNumbers('19121212-1212');
    expect(Object.keys(hit!).sort()).toEqual(['end', 'kind', 'start']);
  });
});

describe('findIdentityNumbers – rejected candidates', () => {
  it.each(['19121212-1213', '121212-1211', '1212121210', '701063-2392', '201701022380'])(
    'rejects %s with an invalid check digit',
    (id) => {
      expect(luhnValid(tenDigitForm(id))).toBe(false);
      expect(findIdentityNumbers(id)).toEqual([]);
    },
  );

  it.each([
    ['month 13', withCheck('121312')],
    ['month 00', withCheck('120012')],
    ['day 32', withCheck('120132')],
    ['day 00', withCheck('120100')],
    ['30 February', withCheck('120230')],
    ['29 February in a non-leap year', withCheck('210229')],
    ['31 April', withCheck('120431')],
    ['samordningsnummer day 60', withCheck('120160')],
    ['samordningsnummer day 92', withCheck('120192')],
    ['samordningsnummer 31 April (91)', withCheck('120491')],
    ['12-digit 29 February 1900', withCheck('19000229')],
    ['12-digit with century 21', withCheck('21121212')],
    ['12-digit with century 16', withCheck('16121212')],
  ])('rejects %s even with a correct Luhn digit', (_label, id) => {
    expect(luhnValid(tenDigitForm(id))).toBe(true);
    expect(findIdentityNumbers(id)).toEqual([]);
  });

  it.each([
    ['mobile number with dash and spaces', 'Ring 070-123 45 67 om du undrar'],
    ['mobile number without separators', 'Ring 0701234567'],
    ['international mobile number', 'Ring +46 70 123 45 67'],
    ['landline number', 'Växel 035-13 10 00'],
    ['ISO date', 'Startdatum 2024-05-12'],
    ['compact date', 'Startdatum 20240512'],
    ['ISO timestamp', 'Skapad 2024-05-12T08:30:00.000Z'],
    ['compact timestamp', 'Skapad 20240512T083000Z'],
    ['diarienummer', 'Se RS250334 i diariet'],
    ['reference number', 'Ärende OH-2026-0007'],
    ['amount', 'Budget 1 000 000 kr'],
    ["Region Halland's organisationsnummer", 'Org.nr 232100-0115'],
    ['organisationsnummer with 16 prefix', 'Org.nr 16232100-0115'],
    ['organisationsnummer without separator', 'Org.nr 2321000115'],
  ])('does not match a %s', (_label, text) => {
    expect(findIdentityNumbers(text)).toEqual([]);
  });

  it('the look-alikes that are Luhn-valid are rejected by their date, not by luck', () => {
    expect(luhnValid('2321000115')).toBe(true); // month 21 is what rules it out
    expect(luhnValid('0701234567')).toBe(false);
  });

  it.each([
    ['13 digits', '1191212121212'],
    ['13 digits with separator', '119121212-1212'],
    ['11 digits', '19121212121'],
    ['serial of 5 digits', '121212-12120'],
    ['14 digits', '19121212121299'],
  ])('does not match a number that is part of a longer run: %s', (_label, text) => {
    expect(findIdentityNumbers(text)).toEqual([]);
  });

  it.each([
    ['a letter prefix', 'pnr191212121212', 3],
    ['a letter suffix', '19121212-1212a', 0],
    ['letters on both sides', 'ABC1212121212DEF', 3],
    ['a spaced hyphen', 'Pnr: 121212 - 1212', 5],
    ['a slash', '121212/1212', 0],
    ['a dot', '121212.1212', 0],
    ['full-width digits', '１２１２１２－１２１２'.replace('－', '-'), 0],
  ])('catches a number written with %s, as people do', (_label, text, start) => {
    const hits = findIdentityNumbers(text);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.start).toBe(start);
    expect(maskIdentityNumbers(text)).not.toMatch(/[0-9０-９]{4}/);
  });

  it('does not let a rejected candidate hide a valid one right after it', () => {
    const text = `${withCheck('121312')}, 121212-1212`;
    expect(findIdentityNumbers(text)).toEqual([{ kind: 'personnummer', start: 13, end: 24 }]);
  });
});

describe('century inference for 10-digit numbers', () => {
  const leapDay2000 = withCheck('000229'); // valid only if the century is 2000

  it('without a reference date accepts the number if the date is valid in either century', () => {
    expect(containsIdentityNumber(leapDay2000)).toBe(true);
    expect(containsIdentityNumber(leapDay2000.replace('-', '+'))).toBe(true);
    expect(containsIdentityNumber(leapDay2000.replace('-', ''))).toBe(true);
  });

  it("with a reference date '-' means the latest century not in the future", () => {
    expect(containsIdentityNumber(leapDay2000, { today: new Date(2026, 0, 15) })).toBe(true);
    // In 1999 the date 2000-02-29 lay in the future, so it must have been 1900-02-29, which does not exist.
    expect(containsIdentityNumber(leapDay2000, { today: new Date(1999, 5, 1) })).toBe(false);
  });

  it("with a reference date '+' means 100 years earlier", () => {
    const plus = leapDay2000.replace('-', '+');
    expect(containsIdentityNumber(plus, { today: new Date(2026, 0, 15) })).toBe(false); // 1900-02-29
    expect(containsIdentityNumber(plus, { today: new Date(2101, 0, 15) })).toBe(true); // 2000-02-29
  });

  it('12-digit numbers carry their own century', () => {
    expect(containsIdentityNumber(withCheck('20000229'))).toBe(true);
    expect(containsIdentityNumber(withCheck('20000229'), { today: new Date(1999, 5, 1) })).toBe(true);
    expect(containsIdentityNumber(withCheck('19000229'))).toBe(false);
  });

  it('ordinary leap days are valid in both centuries', () => {
    expect(containsIdentityNumber(withCheck('800229'), { today: new Date(2026, 0, 15) })).toBe(true);
    expect(containsIdentityNumber(withCheck('800229', '123', '+'), { today: new Date(2026, 0, 15) })).toBe(
      true,
    );
  });
});

describe('containsIdentityNumber', () => {
  it('is true for text with a number and false for clean text', () => {
    expect(containsIdentityNumber('Patienten 19121212-1212 har…')).toBe(true);
    expect(containsIdentityNumber('Vi testar ett nytt arbetssätt för hembesök från 2024-05-12.')).toBe(false);
    expect(containsIdentityNumber('')).toBe(false);
  });
});

describe('fieldsWithIdentityNumbers', () => {
  it('returns the names of the fields that hold a number, in field order', () => {
    const fields = {
      title: 'Trygg hemgång',
      description: 'Som för brukaren 121212-1212 vill vi…',
      contact: undefined,
      notes: null,
      tags: ['hemsjukvård', 'rehab'],
      participants: ['Anna (projektledare)', 'Brukare 701063-2391'],
      phone: '070-123 45 67',
      empty: [],
      reference: 'OH-2026-0007',
      summary: 'Kontakt via 19121212 1212.',
    };
    expect(fieldsWithIdentityNumbers(fields)).toEqual(['description', 'participants', 'summary']);
  });

  it('returns an empty list when nothing is found', () => {
    expect(fieldsWithIdentityNumbers({})).toEqual([]);
    expect(fieldsWithIdentityNumbers({ a: 'Budget 1 000 000 kr', b: ['RS250334'], c: undefined })).toEqual(
      [],
    );
  });
});

describe('maskIdentityNumbers', () => {
  it('replaces digits of each hit with x and keeps separators and surrounding text', () => {
    expect(maskIdentityNumbers('Patienten 19121212-1212 och (701063+2391), 8112189876.')).toBe(
      'Patienten xxxxxxxx-xxxx och (xxxxxx+xxxx), xxxxxxxxxx.',
    );
    expect(maskIdentityNumbers('Se 19121212 1212')).toBe('Se xxxxxxxx xxxx');
  });

  it('leaves look-alikes and invalid numbers untouched', () => {
    const text = 'Ring 070-123 45 67 den 2024-05-12, org.nr 232100-0115, fel 19121212-1213';
    expect(maskIdentityNumbers(text)).toBe(text);
  });

  it('masks to the same length so hit positions remain meaningful', () => {
    const text = 'A 19121212-1212 B';
    expect(maskIdentityNumbers(text)).toHaveLength(text.length);
  });
});
