import { countryOptions } from '@/lib/catalog/countries';
import { chooseCountryAction } from '@/app/country/actions';

interface Props {
  country: string;
  currency: string;
  /** The page's language: country names come from Intl in it. */
  locale: string;
  labels: { shipTo: string; choose: string; show: string };
}

/** A plain form (works without JavaScript): the chosen country sets the currency prices are shown in. */
export function CountryPicker({ country, currency, locale, labels }: Props) {
  return (
    <form action={chooseCountryAction} className="country-picker">
      <label htmlFor="ship-to">{labels.shipTo}</label>
      <select id="ship-to" name="country" defaultValue={country}>
        <option value="">{labels.choose}</option>
        {countryOptions(locale).map(({ code, name }) => <option key={code} value={code}>{name}</option>)}
      </select>
      <button type="submit">{labels.show}</button>
      <span data-testid="shopper-currency">{currency}</span>
    </form>
  );
}
