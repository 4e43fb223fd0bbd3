/**
 * Fixed vocabularies of the sample workbook. Weights are illustrative, chosen so every model
 * has something to find (country-dependent income, age-dependent platforms and channels).
 */
export const COUNTRIES = [
  { code: 'DE', weight: 30, incomeMedian: 46000, cities: ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt', 'Leipzig'] },
  { code: 'NL', weight: 18, incomeMedian: 45000, cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag', 'Eindhoven'] },
  { code: 'AT', weight: 8, incomeMedian: 43000, cities: ['Wien', 'Graz', 'Linz', 'Salzburg'] },
  { code: 'BE', weight: 8, incomeMedian: 42000, cities: ['Brussel', 'Antwerpen', 'Gent', 'Liège'] },
  { code: 'UK', weight: 16, incomeMedian: 40000, cities: ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow'] },
  { code: 'US', weight: 20, incomeMedian: 55000, cities: ['New York', 'Chicago', 'Austin', 'Seattle', 'Boston', 'Denver'] },
] as const;

export const GENDERS = ['F', 'M', 'D'] as const;
export const EDUCATION = ['Secondary', 'Vocational', 'Bachelor', 'Master', 'Doctorate'] as const;
export const MARITAL = ['Single', 'Married', 'Divorced', 'Widowed'] as const;
export const COMPANY_SIZES = ['1-9', '10-49', '50-249', '250+'] as const;
export const PLATFORMS = ['iOS', 'Android', 'Web', 'Windows', 'macOS'] as const;
/** Contact channels as a support tool exports them (normalised by normalizeChannel). */
export const CHANNELS = ['phone', 'email', 'chat', 'social', 'self-service'] as const;
export const TOPICS = ['billing', 'delivery', 'returns', 'product question', 'account', 'technical'] as const;

export const PRODUCTS = [
  { name: 'Starter Kit', category: 'Kits', price: 29.9, weight: 8 },
  { name: 'Pro Kit', category: 'Kits', price: 89.0, weight: 4 },
  { name: 'Refill Pack', category: 'Consumables', price: 12.5, weight: 14 },
  { name: 'Refill Pack XL', category: 'Consumables', price: 21.0, weight: 8 },
  { name: 'Filter Set', category: 'Consumables', price: 9.9, weight: 10 },
  { name: 'Travel Case', category: 'Accessories', price: 24.0, weight: 5 },
  { name: 'Charging Dock', category: 'Accessories', price: 39.0, weight: 4 },
  { name: 'Cable USB-C', category: 'Accessories', price: 7.5, weight: 9 },
  { name: 'Smart Hub', category: 'Devices', price: 149.0, weight: 2 },
  { name: 'Sensor', category: 'Devices', price: 34.0, weight: 5 },
  { name: 'Premium Plan (month)', category: 'Services', price: 9.99, weight: 7 },
  { name: 'Extended Warranty', category: 'Services', price: 19.0, weight: 3 },
  { name: 'Gift Card 25', category: 'Gifts', price: 25.0, weight: 3 },
  { name: 'Gift Card 50', category: 'Gifts', price: 50.0, weight: 2 },
] as const;
