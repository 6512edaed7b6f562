import { COUNTRIES } from '@/lib/catalog/countries';
import { chooseCountryAction } from '@/app/country/actions';

/** A plain form (works without JavaScript): the chosen country sets the currency prices are shown in. */
export function CountryPicker({ country, currency }: { country: string; currency: string }) {
  return (
    <form action={chooseCountryAction} className="country-picker">
      <label htmlFor="ship-to">Ship to</label>
      <select id="ship-to" name="country" defaultValue={country}>
        <option value="">Choose…</option>
        {Object.entries(COUNTRIES).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
      </select>
      <button type="submit">Show prices</button>
      <span data-testid="shopper-currency">{currency}</span>
    </form>
  );
}
