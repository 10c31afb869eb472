/**
 * The enrichment pipeline the runtime hands validated params to. This first cut reads the indicators and
 * writes the batch outputs; the IPQS lookups follow.
 */
import { indicatorItems } from './indicators/indicator-input';
import type { Enrich } from './runtime/enrich';
import { ExitCode } from './tc/exit';

export const enrich: Enrich = ({ app, stage, log }) => {
  const items = indicatorItems(app.indicators);
  log.info('indicators-read', { count: items.length, indicator_type: app.indicator_type });
  stage.stage('ipqs.count', 'String', String(items.length));
  stage.stage(
    'ipqs.indicator',
    'StringArray',
    items.map((item) => item.value),
  );
  if (items[0]) stage.stage('ipqs.indicator', 'String', items[0].value);
  return Promise.resolve({ exitCode: ExitCode.Success, message: `IPQS: ${items.length} indicators read` });
};
