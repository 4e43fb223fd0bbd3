/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { defaultRecipe } from '../../../src/taskpane/notebook/defaultRecipe';
import { Notebook } from '../../../src/taskpane/notebook/Notebook';
import type { NotebookRecipe, SegmentKitServices } from '../../../src/taskpane/services/SegmentKitServices';
import { controlledServices } from '../support/controlledServices';
import { DETECTION, OUTCOME, SHEETS } from '../support/fixtures';
import { renderWithI18n } from '../support/renderWithI18n';

function Harness({ services, onRecipe }: { services: SegmentKitServices; onRecipe?: (r: NotebookRecipe) => void }) {
  const [recipe, setRecipe] = useState(defaultRecipe);
  return (
    <Notebook
      services={services}
      recipe={recipe}
      onRecipeChange={(r) => {
        onRecipe?.(r);
        setRecipe(r);
      }}
    />
  );
}

// Fluent UI in jsdom renders slowly on a shared 2-core machine.
jest.setTimeout(60_000);

const cell = (id: string) => screen.getByTestId(`cell-${id}`);

async function settle(c: ReturnType<typeof controlledServices>, method: Parameters<ReturnType<typeof controlledServices>['take']>[0], value: unknown) {
  await waitFor(() => expect(c.has(method)).toBe(true));
  await act(async () => c.take(method).resolve({ ok: true, value }));
}

describe('Data cell', () => {
  test('shows loading while the sheets are listed, then an error in plain words with a retry', async () => {
    const c = controlledServices();
    renderWithI18n(<Harness services={c.services} />);
    expect(cell('data').dataset.status).toBe('loading');
    expect(within(cell('data')).getByText('Working on it…')).toBeTruthy();
    await act(async () => c.take('listSheets').resolve({ ok: false, error: { code: 'E_EXCEL', message: 'Excel did not answer.', hint: 'Close other dialogs.' } }));
    const alert = within(cell('data')).getByRole('alert');
    expect(alert.textContent).toContain('Excel did not answer. Close other dialogs.');
    expect(alert.textContent).not.toMatch(/\bat \w+ \(/);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(c.has('listSheets')).toBe(true);
  });

  test('an empty workbook says what to do', async () => {
    const c = controlledServices();
    renderWithI18n(<Harness services={c.services} />);
    await settle(c, 'listSheets', []);
    expect(within(cell('data')).getByText(/no sheets with data yet/)).toBeTruthy();
  });

  test('guesses the sheets, previews the orders, and links data problems to their cells', async () => {
    const c = controlledServices();
    renderWithI18n(<Harness services={c.services} />);
    await settle(c, 'listSheets', SHEETS);
    expect((screen.getByLabelText('Orders / transactions sheet') as HTMLSelectElement).value).toBe('Orders');
    expect((screen.getByLabelText('Customers sheet') as HTMLSelectElement).value).toBe('Customers');
    await waitFor(() => expect(c.has('preview')).toBe(true));
    const preview = c.take('preview');
    expect(preview.args).toEqual(['Orders', 5]);
    await act(async () => preview.resolve({ ok: true, value: { sheet: 'Orders', headers: ['invoice_id', 'amount'], rows: [['536365', '15.30']], rowCount: 14999 } }));
    expect(screen.getByRole('table', { name: 'First rows of Orders' }).textContent).toContain('15.30');

    fireEvent.click(screen.getByRole('button', { name: 'Read and check the data' }));
    expect(cell('data').dataset.status).toBe('loading');
    const detect = c.take('detect');
    expect(detect.args[0]).toEqual({ customers: 'Customers', orders: 'Orders', tickets: 'Tickets' });
    const onProgress = detect.args[1] as (p: { percent: number; step: string }) => void;
    act(() => onProgress({ percent: 40, step: 'read' }));
    expect(screen.getByTestId('detect-progress').textContent).toBe('Reading sheets — 40%');
    act(() => onProgress({ percent: 100, step: 'parse' }));
    expect(screen.getByTestId('detect-progress').textContent).toBe('Reading values');
    await act(async () => detect.resolve({ ok: true, value: DETECTION }));
    expect(screen.queryByTestId('detect-progress')).toBeNull();
    expect(cell('data').dataset.status).toBe('done');
    expect(screen.getByText('Orders: 14,999 rows, 4 columns, read as transactions.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show Orders!H17' }));
    expect(c.take('selectCells').args).toEqual(['Orders!H17']);
  });
});

describe('Columns and Models cells', () => {
  async function detected(onRecipe?: (r: NotebookRecipe) => void) {
    const c = controlledServices();
    renderWithI18n(<Harness services={c.services} onRecipe={onRecipe} />);
    await settle(c, 'listSheets', SHEETS);
    fireEvent.click(screen.getByRole('button', { name: 'Read and check the data' }));
    await act(async () => c.take('detect').resolve({ ok: true, value: DETECTION }));
    return c;
  }

  test('before the data step the columns cell is empty and models cannot run', async () => {
    const c = controlledServices();
    renderWithI18n(<Harness services={c.services} />);
    expect(within(cell('columns')).getByText('Run the Data step to see the columns.')).toBeTruthy();
    expect((within(cell('models')).getByRole('button', { name: 'Run models' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('detected roles show with confidence and change from the dropdown; missing inputs are said plainly', async () => {
    let last: NotebookRecipe | undefined;
    await detected((r) => (last = r));
    expect(last!.roles.Orders).toEqual({ orderId: 'invoice_id', customerId: 'customer_id', date: 'order_date', amount: 'amount' });
    expect(within(cell('columns')).getByText('70%')).toBeTruthy();
    expect(screen.queryByText('Lifecycle needs a signup or first purchase date.')).toBeNull();

    fireEvent.click(screen.getByRole('combobox', { name: 'Meaning of column order_date' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Not used' }));
    expect(last!.roles.Orders.date).toBeUndefined();
    const missing = screen.getByTestId('missing-inputs');
    expect(missing.textContent).toContain('Lifecycle needs a signup or first purchase date.');
    expect(missing.textContent).toContain('RFM needs an orders sheet with a customer id, a date and an amount.');
    expect(within(cell('columns')).getByText('Your choice')).toBeTruthy();
  });

  test('a run shows progress with the step in words, cancels, and reports the cancel without blame', async () => {
    const c = await detected();
    fireEvent.click(screen.getByRole('button', { name: 'Run models' }));
    const run = c.take('run');
    const onProgress = run.args[1] as (p: { percent: number; step: string }) => void;
    act(() => onProgress({ percent: 40, step: 'model:rfm' }));
    expect(within(cell('models')).getByText('Running RFM (recency, frequency, monetary) — 40%')).toBeTruthy();
    fireEvent.click(within(cell('models')).getByRole('button', { name: 'Cancel' }));
    expect(c.cancelledCount()).toBe(1);
    await act(async () => run.resolve({ ok: false, error: { code: 'E_CANCELLED', message: 'The run was cancelled.' } }));
    expect(within(cell('models')).getByRole('alert').textContent).toContain('Stopped. Nothing was changed');
  });
});

describe('Results and Write-back cells', () => {
  async function ran() {
    const c = controlledServices();
    renderWithI18n(<Harness services={c.services} />);
    await settle(c, 'listSheets', SHEETS);
    fireEvent.click(screen.getByRole('button', { name: 'Read and check the data' }));
    await act(async () => c.take('detect').resolve({ ok: true, value: DETECTION }));
    fireEvent.click(screen.getByRole('button', { name: 'Run models' }));
    await act(async () => c.take('run').resolve({ ok: true, value: OUTCOME }));
    return c;
  }

  test('results are empty before a run and write-back is disabled', async () => {
    const c = controlledServices();
    renderWithI18n(<Harness services={c.services} />);
    expect(within(cell('results')).getByText('Run the models to see segments here.')).toBeTruthy();
    expect((within(cell('write')).getByRole('button', { name: 'Write to workbook' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('segments, quality badges and charts show; a segment opens its customers with column filters', async () => {
    const c = await ran();
    const grid = screen.getByTestId('segments-rfm');
    expect(grid.textContent).toContain('Champions');
    expect(grid.textContent).toContain('60%');
    expect(screen.getByTestId('quality-badges').textContent).toContain('Measurable: passes');
    expect(screen.getByRole('img', { name: /Value concentration \(Pareto\)\. The top 20% of customers bring 70% of value\./ })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Filter segments'), { target: { value: 'hiber' } });
    expect(grid.textContent).not.toContain('Champions');
    fireEvent.change(screen.getByLabelText('Filter segments'), { target: { value: '' } });

    fireEvent.click(screen.getByRole('button', { name: 'Show the customers of Champions' }));
    const first = c.take('drillDown');
    expect(first.args[0]).toEqual({ modelId: 'rfm', segment: 0, offset: 0, limit: 25, filters: {} });
    await act(async () => first.resolve({ ok: true, value: { headers: ['customer_id', 'revenue'], rows: [['C1', 1200.5]], total: 1 } }));
    expect(screen.getByTestId('drilldown').textContent).toContain('1,200.5');
    fireEvent.change(screen.getByLabelText('Filter customer_id'), { target: { value: 'C9' } });
    const filtered = c.take('drillDown');
    expect((filtered.args[0] as { filters: Record<string, string> }).filters).toEqual({ customer_id: 'C9' });
    await act(async () => filtered.resolve({ ok: true, value: { headers: ['customer_id', 'revenue'], rows: [], total: 0 } }));
    expect(screen.getByText('No customer matches these filters.')).toBeTruthy();
  });

  test('write-back shows progress and then what was written where', async () => {
    const c = await ran();
    fireEvent.click(screen.getByRole('button', { name: 'Write to workbook' }));
    const write = c.take('writeBack');
    act(() => (write.args[1] as (p: { percent: number; step: string }) => void)({ percent: 50, step: 'write' }));
    expect(within(cell('write')).getByRole('progressbar', { name: 'Writing to the workbook' })).toBeTruthy();
    await act(async () => write.resolve({ ok: true, value: { items: [{ what: 'SK · RFM segment', where: 'Customers!O1' }], warnings: [] } }));
    expect(screen.getByTestId('write-report').textContent).toContain('SK · RFM segment → Customers!O1');
    expect(cell('write').dataset.status).toBe('done');
  });

  test('a write-back cancelled part-way says that the columns written so far are marked incomplete', async () => {
    const c = await ran();
    fireEvent.click(screen.getByRole('button', { name: 'Write to workbook' }));
    const write = c.take('writeBack');
    act(() => (write.args[1] as (p: { percent: number; step: string }) => void)({ percent: 30, step: 'write' }));
    expect(screen.getByTestId('write-progress').textContent).toBe('Writing to the workbook — 30%');
    fireEvent.click(within(cell('write')).getByRole('button', { name: 'Cancel' }));
    expect(c.cancelledCount()).toBe(1);
    await act(async () => write.resolve({ ok: false, error: { code: 'E_CANCELLED', message: 'Cancelled during step "column rows 2–9000".' } }));
    expect(within(cell('write')).getByRole('alert').textContent).toContain('Stopped. Columns written so far are headed “(incomplete)”; write again to replace them.');
  });
});

test('progress that arrives after the run has finished does not put the cell back into loading', async () => {
  const c = controlledServices();
  renderWithI18n(<Harness services={c.services} />);
  await settle(c, 'listSheets', SHEETS);
  fireEvent.click(screen.getByRole('button', { name: 'Read and check the data' }));
  await act(async () => c.take('detect').resolve({ ok: true, value: DETECTION }));
  fireEvent.click(screen.getByRole('button', { name: 'Run models' }));
  const run = c.take('run');
  await act(async () => run.resolve({ ok: true, value: OUTCOME }));
  act(() => (run.args[1] as (p: { percent: number; step: string }) => void)({ percent: 100, step: 'done' }));
  expect(cell('models').dataset.status).toBe('done');
});
