import { Badge, Dropdown, makeStyles, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { ROLES, ROLE_LABELS, type Role } from '../../core/roles/Role';
import { useI18n } from '../i18n/I18nContext';
import { MODEL_KINDS, type Detection, type NotebookRecipe, type SheetDetection } from '../services/SegmentKitServices';
import type { AsyncState } from './AsyncState';
import { Cell } from './Cell';
import { missingInputs } from './missingInputs';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  caption: { fontWeight: tokens.fontWeightSemibold, textAlign: 'left', padding: '4px 0' },
  reason: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  dropdown: { minWidth: '0', width: '100%' },
  table: { tableLayout: 'auto' },
  missing: { margin: 0, paddingLeft: '20px' },
});

export interface ColumnsCellProps {
  detection: AsyncState<Detection>;
  recipe: NotebookRecipe;
  onRoleChange: (sheet: string, column: string, role: Role | null) => void;
}

/** Step 2: the detected role of every column with its confidence, changeable, and what is missing. */
export function ColumnsCell({ detection, recipe, onRoleChange }: ColumnsCellProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const missing = missingInputs(recipe.sources, recipe.roles);
  const state = detection.status === 'done' ? detection : detection.status === 'error' ? { status: 'idle' as const } : detection;
  return (
    <Cell id="columns" title={t('columns.title')} intro={t('columns.intro')} state={state}>
      {detection.status !== 'done' ? (
        <p>{t('columns.empty')}</p>
      ) : (
        <>
          {detection.value.sheets.map((s) => (
            <SheetRoles key={s.sheet} sheet={s} roles={recipe.roles[s.sheet] ?? {}} onRoleChange={onRoleChange} />
          ))}
          <h3 className={styles.caption}>{t('columns.missingTitle')}</h3>
          {Object.keys(missing).length === 0 ? (
            <p>{t('columns.allSet')}</p>
          ) : (
            <ul className={styles.missing} data-testid="missing-inputs">
              {MODEL_KINDS.filter((k) => missing[k]).map((k) => (
                <li key={k}>{t(missing[k]!)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Cell>
  );
}

function SheetRoles({ sheet, roles, onRoleChange }: { sheet: SheetDetection; roles: Partial<Record<Role, string>>; onRoleChange: ColumnsCellProps['onRoleChange'] }) {
  const { t, percent } = useI18n();
  const styles = useStyles();
  const roleOf = new Map<string, Role>();
  for (const r of ROLES) if (roles[r]) roleOf.set(roles[r]!, r);
  return (
    <div className={styles.scroll}>
      <Table size="extra-small" aria-label={sheet.sheet} className={styles.table}>
        <caption className={styles.caption}>{sheet.sheet}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('columns.column')}</TableHeaderCell>
            <TableHeaderCell>{t('columns.role')}</TableHeaderCell>
            <TableHeaderCell>{t('columns.confidence')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sheet.columns.map((column) => {
            const detected = sheet.roles.find((r) => r.column === column);
            const role = roleOf.get(column) ?? null;
            const chosenByUser = (detected?.role ?? null) !== role;
            return (
              <TableRow key={column}>
                <TableCell>{column}</TableCell>
                <TableCell>
                  <Dropdown
                    aria-label={t('columns.roleFor', { column })}
                    className={styles.dropdown}
                    size="small"
                    value={role ? ROLE_LABELS[role] : t('columns.noRole')}
                    selectedOptions={[role ?? '']}
                    onOptionSelect={(_, d) => onRoleChange(sheet.sheet, column, (d.optionValue || null) as Role | null)}
                  >
                    <Option value="">{t('columns.noRole')}</Option>
                    {ROLES.map((r) => (
                      <Option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </Option>
                    ))}
                  </Dropdown>
                  {!chosenByUser && detected?.reason && <span className={styles.reason}>{detected.reason}</span>}
                </TableCell>
                <TableCell>
                  {chosenByUser ? (
                    <Badge appearance="outline" color="informative">{t('columns.chosen')}</Badge>
                  ) : detected?.role ? (
                    <Badge appearance="tint" color={detected.confidence >= 0.8 ? 'success' : detected.confidence >= 0.5 ? 'warning' : 'danger'}>
                      {percent(detected.confidence)}
                    </Badge>
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
