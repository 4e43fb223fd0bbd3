import { Button, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select, SpinButton } from '@fluentui/react-components';
import type { StringKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nContext';
import type { ModelStep } from '../services/SegmentKitServices';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: '8px', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', paddingLeft: '28px' },
  rules: { display: 'flex', flexDirection: 'column', gap: '6px', paddingLeft: '28px' },
  rule: { display: 'grid', gridTemplateColumns: '1fr 2fr auto', gap: '6px', alignItems: 'end' },
});

export interface ModelSettingsProps {
  step: ModelStep;
  featureOptions: string[];
  onChange: (settings: Record<string, unknown>) => void;
}

interface Rule {
  name: string;
  when: string;
}

/** The settings editor for one model step; what it edits is the recipe, nothing else. */
export function ModelSettings({ step, featureOptions, onChange }: ModelSettingsProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const s = step.settings;
  const set = (key: string, value: unknown) => onChange({ ...s, [key]: value });
  const num = (key: string, label: StringKey, min: number, max: number, stepSize = 1) => (
    <Field label={t(label)}>
      <SpinButton
        value={Number(s[key])}
        min={min}
        max={max}
        step={stepSize}
        onChange={(_, d) => {
          const v = d.value ?? Number(d.displayValue);
          if (Number.isFinite(v)) set(key, Math.min(max, Math.max(min, v as number)));
        }}
      />
    </Field>
  );
  switch (step.kind) {
    case 'rfm':
      return (
        <div className={styles.grid}>
          <Field label={t('settings.bins')}>
            <Select value={String(s.scale)} onChange={(_, d) => set('scale', Number(d.value))}>
              <option value="5">1–5</option>
              <option value="3">1–3</option>
            </Select>
          </Field>
        </div>
      );
    case 'value': {
      const costs = (s.costPerContact as Record<string, number>) ?? {};
      const cost = (channel: string, label: StringKey) => (
        <Field label={t(label)}>
          <SpinButton
            value={costs[channel] ?? 0}
            min={0}
            max={1000}
            step={0.5}
            onChange={(_, d) => {
              const v = d.value ?? Number(d.displayValue);
              if (Number.isFinite(v) && (v as number) >= 0) set('costPerContact', { ...costs, [channel]: v });
            }}
          />
        </Field>
      );
      return (
        <div className={styles.grid}>
          {cost('phone', 'settings.costPhone')}
          {cost('email', 'settings.costEmail')}
          {cost('chat', 'settings.costChat')}
          <Field label={t('settings.tierA')}>
            <SpinButton
              value={Math.round(Number(s.tierA) * 100)}
              min={50}
              max={95}
              onChange={(_, d) => {
                const v = d.value ?? Number(d.displayValue);
                if (Number.isFinite(v)) set('tierA', Math.min(95, Math.max(50, v as number)) / 100);
              }}
            />
          </Field>
        </div>
      );
    }
    case 'clv':
      return (
        <div className={styles.grid}>
          {num('horizonMonths', 'settings.horizon', 1, 120)}
          {num('discountPercent', 'settings.discount', 0, 50)}
        </div>
      );
    case 'lifecycle':
      return (
        <div className={styles.grid}>
          {num('newDays', 'settings.newDays', 1, 3650)}
          {num('atRiskDays', 'settings.atRiskDays', 1, 3650)}
          {num('lapsedDays', 'settings.lapsedDays', 1, 3650)}
        </div>
      );
    case 'kmeans': {
      const features = (s.features as string[]) ?? [];
      return (
        <div className={styles.grid}>
          <Field label={t('settings.kMode')}>
            <RadioGroup value={s.k === 'auto' ? 'auto' : 'fixed'} onChange={(_, d) => set('k', d.value === 'auto' ? 'auto' : '4')}>
              <Radio value="auto" label={t('settings.kAuto')} />
              <Radio value="fixed" label={t('settings.kFixed')} />
            </RadioGroup>
          </Field>
          {s.k === 'auto' ? (
            num('kMax', 'settings.kMax', 3, 12)
          ) : (
            <Field label={t('settings.k')}>
              <SpinButton
                value={Number(s.k)}
                min={2}
                max={12}
                onChange={(_, d) => {
                  const v = d.value ?? Number(d.displayValue);
                  if (Number.isInteger(v)) set('k', String(Math.min(12, Math.max(2, v as number))));
                }}
              />
            </Field>
          )}
          <Field label={t('settings.features')}>
            <div role="group" aria-label={t('settings.features')}>
              {featureOptions.map((f) => (
                <Checkbox
                  key={f}
                  label={f}
                  checked={features.includes(f)}
                  onChange={(_, d) => set('features', d.checked ? [...features, f] : features.filter((x) => x !== f))}
                />
              ))}
            </div>
          </Field>
        </div>
      );
    }
    case 'rules': {
      const rules = (s.rules as Rule[]) ?? [];
      const setRule = (i: number, patch: Partial<Rule>) => set('rules', rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
      return (
        <div className={styles.rules} role="group" aria-label={t('settings.rules')}>
          <span>{t('settings.rules')}</span>
          {rules.map((r, i) => (
            <div key={i} className={styles.rule}>
              <Field label={`${t('settings.ruleSegment')} ${i + 1}`}>
                <Input value={r.name} onChange={(_, d) => setRule(i, { name: d.value })} />
              </Field>
              <Field label={`${t('settings.ruleCondition')} ${i + 1}`}>
                <Input value={r.when} onChange={(_, d) => setRule(i, { when: d.value })} />
              </Field>
              <Button aria-label={t('settings.removeRule', { n: i + 1 })} onClick={() => set('rules', rules.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </div>
          ))}
          <div>
            <Button onClick={() => set('rules', [...rules, { name: '', when: '' }])}>{t('settings.addRule')}</Button>
          </div>
        </div>
      );
    }
    case 'demographic':
    case 'technographic':
      return null;
  }
}
