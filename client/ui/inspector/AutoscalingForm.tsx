/**
 * Autoscaling of a web or worker pool: on/off sends at once (with a sensible rule); the rule's
 * numbers are edited together and sent with Apply, so a half-typed "1" of "12" is never a command.
 */
import { useEffect, useState } from 'preact/hooks';
import { MAX_COUNT, runningCostPerDay, type AutoscalingRule, type ComponentView } from '../../../shared/sim';
import { formatDuration, formatMoney } from '../../i18n';
import { useT } from '../hooks';
import type { UiClient } from '../uiClient';
import { SettingRow, Toggle } from './controls';

/** A first rule when the player switches autoscaling on: keep today's count as the floor, allow doubling. */
export function defaultRule(count: number): AutoscalingRule {
  const min = Math.max(1, count);
  return { enabled: true, min, max: Math.min(MAX_COUNT, Math.max(4, min * 2)), targetUtilisation: 0.7, cooldownTicks: 5 };
}

function NumberField({
  setting,
  value,
  min,
  max,
  step,
  onInput,
  suffix,
}: {
  setting: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onInput: (n: number) => void;
  suffix?: string;
}) {
  return (
    <SettingRow
      setting={setting}
      control={(id) => (
        <span class="su-number">
          <input
            id={id}
            type="number"
            inputMode="decimal"
            value={value}
            min={min}
            max={max}
            step={step}
            onInput={(e) => {
              const n = Number((e.currentTarget as HTMLInputElement).value);
              if (Number.isFinite(n)) onInput(n);
            }}
          />
          {suffix !== undefined && <span class="su-number-suffix">{suffix}</span>}
        </span>
      )}
    />
  );
}

export function AutoscalingForm({ component, client, priceFactor }: { component: ComponentView; client: UiClient; priceFactor: number }) {
  const { t, lang } = useT();
  const current = component.settings.autoscaling;
  const enabled = current?.enabled === true;
  const [rule, setRule] = useState<AutoscalingRule>(current ?? defaultRule(component.count));
  // A rule changed elsewhere (a teammate, or this form's own Apply) replaces the draft.
  useEffect(() => {
    if (current !== undefined) setRule(current);
  }, [current?.min, current?.max, current?.targetUtilisation, current?.cooldownTicks, current?.enabled]);
  const send = (next: AutoscalingRule) => client.send({ type: 'configure', id: component.id, autoscaling: next });
  const valid =
    rule.min >= 1 &&
    rule.min <= rule.max &&
    rule.max <= MAX_COUNT &&
    rule.targetUtilisation > 0 &&
    rule.targetUtilisation < 1 &&
    rule.cooldownTicks >= 0;
  // Applying the rule in force would change nothing (the server refuses it as such).
  const unchanged =
    current !== undefined &&
    current.min === rule.min &&
    current.max === rule.max &&
    current.targetUtilisation === rule.targetUtilisation &&
    current.cooldownTicks === rule.cooldownTicks;
  return (
    <div class="su-subform">
      <Toggle
        setting="autoscaling"
        checked={enabled}
        onChange={(on) =>
          send(on ? { ...(current ?? defaultRule(component.count)), enabled: true } : { ...(current ?? rule), enabled: false })
        }
      />
      {enabled && (
        <div class="su-indent">
          <NumberField
            setting="autoscalingMin"
            value={rule.min}
            min={1}
            max={MAX_COUNT}
            step={1}
            onInput={(n) => setRule({ ...rule, min: Math.round(n) })}
          />
          <NumberField
            setting="autoscalingMax"
            value={rule.max}
            min={1}
            max={MAX_COUNT}
            step={1}
            onInput={(n) => setRule({ ...rule, max: Math.round(n) })}
          />
          <NumberField
            setting="autoscalingTarget"
            value={Math.round(rule.targetUtilisation * 100)}
            min={5}
            max={95}
            step={5}
            suffix="%"
            onInput={(n) => setRule({ ...rule, targetUtilisation: n / 100 })}
          />
          <NumberField
            setting="autoscalingCooldown"
            value={rule.cooldownTicks}
            min={0}
            max={1440}
            step={1}
            suffix={formatDuration(lang, rule.cooldownTicks)}
            onInput={(n) => setRule({ ...rule, cooldownTicks: Math.round(n) })}
          />
          <button
            type="button"
            class="su-btn su-btn-primary"
            disabled={!valid || unchanged}
            onClick={() => send({ ...rule, enabled: true })}
          >
            {t('ui.inspector.applyRule')}
          </button>
          {!valid && <p class="su-help su-note">{t('ui.inspector.ruleInvalid')}</p>}
          <p class="su-help">
            {t('ui.inspector.autoscalingCost', {
              perDay: formatMoney(lang, runningCostPerDay(component.kind, component.size, priceFactor)),
            })}
          </p>
        </div>
      )}
    </div>
  );
}
