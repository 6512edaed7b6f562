// Countries the shop delivers to (ISO 3166-1 alpha-2).
export const COUNTRIES: Readonly<Record<string, string>> = {
  AT: 'Austria', BE: 'Belgium', CA: 'Canada', CH: 'Switzerland', CZ: 'Czechia', DE: 'Germany',
  DK: 'Denmark', ES: 'Spain', FI: 'Finland', FR: 'France', GB: 'United Kingdom', IE: 'Ireland',
  IT: 'Italy', JP: 'Japan', LU: 'Luxembourg', NL: 'Netherlands', NO: 'Norway', PL: 'Poland',
  PT: 'Portugal', SE: 'Sweden', US: 'United States',
};

export const countryName = (code: string) => (Object.hasOwn(COUNTRIES, code) ? COUNTRIES[code] : code);
