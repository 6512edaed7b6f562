// The languages a request may ask for: the shop's, and the pseudo-locale when PSEUDO_LOCALE is on.
import { LOCALES, PSEUDO_LOCALE, type Catalogue } from '../i18n/locales';
import { shop } from './shop';

const WITH_PSEUDO: readonly Catalogue[] = [...LOCALES, PSEUDO_LOCALE];

export const offeredLanguages = (): readonly Catalogue[] => (shop().settings.pseudoLocale ? WITH_PSEUDO : LOCALES);
