/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { controlledServices } from './support/controlledServices';
import { SHEETS } from './support/fixtures';

jest.setTimeout(60_000);

async function ready(locale: 'en' | 'de' | 'nl' = 'en') {
  const c = controlledServices();
  render(<App services={c.services} initialLocale={locale} dark={false} />);
  await act(async () => c.take('loadRecipes').resolve({ ok: true, value: [] }));
  await waitFor(() => expect(c.has('listSheets')).toBe(true));
  await act(async () => c.take('listSheets').resolve({ ok: true, value: SHEETS }));
  return c;
}

test('starts in the Office language and switches language by hand, numbers formatted for it', async () => {
  await ready('nl');
  expect(screen.getByRole('heading', { level: 2, name: '1. Gegevens' })).toBeTruthy();
  fireEvent.change(screen.getByTestId('language'), { target: { value: 'de' } });
  expect(screen.getByRole('heading', { level: 2, name: '1. Daten' })).toBeTruthy();
  expect(screen.getAllByRole('option', { name: /Orders · 14\.999 Zeilen/ })).toHaveLength(3);
});

test('the notebook is one h1 with an h2 per step, and every button has a name', async () => {
  await ready();
  expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['SegmentKit']);
  expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['1. Data', '2. Columns', '3. Models', '4. Results', '5. Write back']);
  for (const b of screen.getAllByRole('button')) expect(b.getAttribute('aria-label') || b.textContent?.trim()).toBeTruthy();
});
