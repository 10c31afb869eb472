/** The enrichment pipeline the playbook entry, the local runner and the analyst CLI all run. */
export { enrich } from './pipeline/enrich-batch';
