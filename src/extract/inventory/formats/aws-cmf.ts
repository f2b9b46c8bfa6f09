import { awsTableKind, importAws } from './aws.js';
import { built, type InventoryFormatDescriptor } from './format-descriptor.js';

/** The AWS Cloud Migration Factory intake form: what people declared of each server and its wave. */
export default {
  reads: 'tables',
  format: 'aws-cmf',
  help: 'AWS Cloud Migration Factory intake CSV',
  precedence: 70,
  priority: 20,
  recognises: ([table]) => table !== undefined && awsTableKind(table.header) === 'cmf-intake',
  read: ([table], context) => built(context, 'aws-cmf', (builder) => importAws(table!, 'cmf-intake', builder)),
} satisfies InventoryFormatDescriptor;
