/** The shape of a split proposal: types only (from the result's schema), so that the HTML report's page script can share them without zod. */
import type { z } from 'zod';
import type {
  ApplicationSplit as ApplicationSplitSchema,
  SplitProposal as SplitProposalSchema,
} from '../result/split-schema.js';

export type SplitProposal = z.infer<typeof SplitProposalSchema>;
export type ApplicationSplit = z.infer<typeof ApplicationSplitSchema>;
export type SplitService = SplitProposal['services'][number];
export type SplitMetrics = SplitProposal['metrics'];
export type SplitMetric = SplitMetrics['sm'];
export type ExtractionStep = SplitProposal['extractionOrder'][number];
